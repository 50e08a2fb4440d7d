package com.medflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database on the PostgreSQL server at 127.0.0.1:5432 (trust auth), created for one
 * test class and dropped afterwards. Override the server with MEDFLOW_TEST_PG (a JDBC URL without database).
 */
public final class PostgresTestDatabase implements AutoCloseable {
  public static final String SERVER = System.getenv().getOrDefault("MEDFLOW_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = System.getenv().getOrDefault("MEDFLOW_TEST_PG_USER", "postgres");

  private final String name;

  public PostgresTestDatabase() {
    this.name = "medflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
  }

  public String url() {
    return SERVER + name;
  }

  public String user() {
    return USER;
  }

  public String name() {
    return name;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
