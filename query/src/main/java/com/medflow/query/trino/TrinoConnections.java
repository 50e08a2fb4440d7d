package com.medflow.query.trino;

import com.medflow.config.MedflowConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** JDBC connections to Trino ({@code io.trino:trino-jdbc}): catalog = MedFlow's catalog name, schema healthcare. */
public final class TrinoConnections {
  private TrinoConnections() {}

  public static String jdbcUrl(MedflowConfig.Trino trino, String catalog) {
    return "jdbc:trino://" + trino.url().getHost() + ":" + trino.url().getPort() + "/" + catalog + "/healthcare";
  }

  public static Connection open(MedflowConfig.Trino trino, String catalog) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", trino.user());
    p.setProperty("SSL", Boolean.toString("https".equals(trino.url().getScheme())));
    p.setProperty("source", "medflow");
    // UTC like the Spark session, so timestamps and current_date mean the same on both engines
    p.setProperty("timezone", "UTC");
    return DriverManager.getConnection(jdbcUrl(trino, catalog), p);
  }
}
