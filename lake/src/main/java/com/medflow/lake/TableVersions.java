package com.medflow.lake;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.model.TableId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The current version of every table, read in one small query from the Iceberg JDBC catalog:
 * the metadata file location, which changes with every commit (every new snapshot). Used in cache
 * keys, so a pipeline run invalidates stale answers without any flush; about a millisecond per call.
 */
public final class TableVersions implements AutoCloseable {
  private final MedflowConfig.Catalog catalog;
  private Connection connection;

  public TableVersions(MedflowConfig.Catalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  public synchronized Map<TableId, String> current() {
    try {
      return read();
    } catch (SQLException first) {
      closeQuietly();
      try {
        return read();
      } catch (SQLException e) {
        e.addSuppressed(first);
        throw new LakeException("Cannot read table versions from the catalog: " + e.getMessage(), e);
      }
    }
  }

  private Map<TableId, String> read() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Properties p = new Properties();
      catalog.user().ifPresent(u -> p.setProperty("user", u));
      catalog.password().ifPresent(pw -> p.setProperty("password", pw));
      connection = DriverManager.getConnection(catalog.uri(), p);
    }
    Map<TableId, String> out = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT table_namespace, table_name, metadata_location FROM iceberg_tables WHERE catalog_name = ?")) {
      ps.setString(1, catalog.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ns = rs.getString(1);
          String name = rs.getString(2);
          if (ns != null && ns.matches("[a-z_][a-z0-9_]*") && name != null && name.matches("[a-z_][a-z0-9_]*")) {
            out.put(new TableId(ns, name), rs.getString(3));
          }
        }
      }
    }
    return out;
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the connection is being replaced because it failed
    }
    connection = null;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
