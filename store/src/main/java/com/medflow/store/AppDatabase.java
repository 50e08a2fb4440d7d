package com.medflow.store;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The application database (users, audit, pipeline runs, conversations): an embedded SQLite file
 * by default, PostgreSQL by configuration. Opening it creates missing tables.
 */
public final class AppDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final boolean sqlite;

  private AppDatabase(HikariDataSource dataSource, boolean sqlite) {
    this.dataSource = dataSource;
    this.sqlite = sqlite;
  }

  public static AppDatabase open(MedflowConfig.Database config) {
    requireNonNull(config, "config is null");
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.url());
    config.user().ifPresent(hc::setUsername);
    config.password().ifPresent(hc::setPassword);
    hc.setPoolName("medflow-app-db");
    hc.setConnectionTimeout(10_000);
    boolean sqlite = config.isEmbedded();
    if (sqlite) {
      Path file = Path.of(config.url().substring("jdbc:sqlite:".length())).toAbsolutePath();
      try {
        // Password hashes and audited SQL: the folder (when created here) and the files are owner-only. SQLite
        // gives its -wal and -shm files the database file's mode; older ones are tightened too.
        com.medflow.model.OwnerOnly.file(file);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
          com.medflow.model.OwnerOnly.restrict(file.resolveSibling(file.getFileName() + suffix));
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new StoreException("Cannot create " + file, e);
      }
      hc.setMaximumPoolSize(4);
      hc.addDataSourceProperty("journal_mode", "WAL");
      hc.addDataSourceProperty("busy_timeout", "10000");
      hc.addDataSourceProperty("synchronous", "NORMAL");
      hc.setConnectionInitSql("PRAGMA busy_timeout = 10000");
    } else {
      hc.setMaximumPoolSize(8);
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("Cannot open the application database " + redact(config.url()) + ": " + rootMessage(e), e);
    }
    AppDatabase db = new AppDatabase(ds, sqlite);
    db.migrate();
    return db;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isSqlite() {
    return sqlite;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs a check query; used by health checks. */
  public void ping() {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new StoreException("Application database is unreachable: " + e.getMessage(), e);
    }
  }

  private void migrate() {
    for (String resource : new String[] {"/medflow/store/schema.sql", "/medflow/store/schema-app.sql",
        "/medflow/store/schema-orchestration.sql"}) {
      String sql = read(resource);
      if (sql == null) {
        continue;
      }
      try (Connection c = connection(); Statement s = c.createStatement()) {
        for (String stmt : sql.split(";\\s*\\n")) {
          String body = stmt.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
          if (!body.isEmpty()) {
            s.execute(body);
          }
        }
      } catch (SQLException e) {
        throw new StoreException("Cannot create the application database tables: " + e.getMessage(), e);
      }
    }
  }

  private static String read(String resource) {
    try (InputStream in = AppDatabase.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("Cannot read " + resource, e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null) {
      r = r.getCause();
    }
    return r.getMessage();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
