package com.medflow.store;

import com.medflow.config.MedflowConfig;
import com.medflow.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Base of store tests that run each case on both application databases: a SQLite file and a fresh
 * database on the real PostgreSQL server, dropped after the class. Use
 * {@code @MethodSource("databases")}; the arguments are a name and the database configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BothDatabases {
  private Path home;
  private PostgresTestDatabase pg;

  @BeforeAll
  void home(@TempDir Path dir) {
    home = dir;
  }

  Stream<Arguments> databases() {
    if (pg == null) {
      pg = new PostgresTestDatabase();
    }
    return Stream.of(
        Arguments.of("sqlite", new MedflowConfig.Database("jdbc:sqlite:" + home.resolve("app.db"), Optional.empty(), Optional.empty())),
        Arguments.of("postgresql", new MedflowConfig.Database(pg.url(), Optional.of(pg.user()), Optional.empty())));
  }

  @AfterAll
  void dropPostgres() {
    if (pg != null) {
      pg.close();
    }
  }
}
