package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.auth.JwtSecret;
import com.medflow.server.testing.ServerHarness;
import com.medflow.store.AppDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a real server has started over a new home and run the pipeline, what MedFlow created there is owner-only:
 * the home and warehouse folders 700, the app database, the catalog and the token secret 600. (The landing
 * folder is made by the test harness, as a payer's upload would be, and is not checked.)
 */
class OwnerOnlyFilesServerTest {
  @TempDir
  static Path dir;
  static Path home;
  static ServerHarness h;

  @BeforeAll
  static void start() {
    home = dir.resolve("medflow-home"); // does not exist yet: the server's start creates it
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(100, Duration.ofHours(1)), 1000);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theHomeTheWarehouseTheAppDatabaseAndTheCatalogAreOwnerOnlyAfterStartup() throws IOException {
    assertThat(h.login("admin")).contains(".");
    assertThat(h.sql(h.login("analyst"), "SELECT count(*) AS n FROM healthcare.claims_clean").status()).isEqualTo(200);

    assertThat(mode(home)).as("home").isEqualTo("rwx------");
    Path warehouse = Path.of(h.lake.config.catalog().warehouse());
    assertThat(mode(warehouse)).as("warehouse").isEqualTo("rwx------");
    try (Stream<Path> tables = Files.list(warehouse)) {
      assertThat(tables.count()).as("the pipeline wrote tables below the warehouse").isPositive();
    }
    Path appDb = home.resolve("app.db");
    assertThat(h.lake.config.appDb().url()).isEqualTo("jdbc:sqlite:" + appDb);
    assertThat(mode(appDb)).as("app database").isEqualTo("rw-------");
    for (String suffix : List.of("-wal", "-shm")) {
      Path side = home.resolve("app.db" + suffix);
      if (Files.exists(side)) {
        assertThat(mode(side)).as(side.toString()).isEqualTo("rw-------");
      }
    }
    Path catalog = Path.of(h.lake.config.catalog().uri().substring("jdbc:sqlite:".length()));
    assertThat(mode(catalog)).as("catalog database").isEqualTo("rw-------");

    List<String> open = new ArrayList<>();
    try (Stream<Path> top = Files.list(home)) {
      for (Path p : top.toList()) {
        if (p.getFileName().toString().equals("landing")) {
          continue;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (perms.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
          open.add(p.getFileName() + " " + mode(p));
        }
      }
    }
    assertThat(open).as("entries of the home that others may read").isEmpty();
  }

  @Test
  void theGeneratedTokenSecretIsOwnerOnly() throws IOException {
    MedflowConfig config = MedflowConfig.forHome(home, Map.of());
    assertThat(JwtSecret.resolve(config)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(mode(home.resolve("jwt-secret"))).isEqualTo("rw-------");
  }

  @Test
  void anExistingWorldReadableAppDatabaseIsMadeOwnerOnlyWhenOpened() throws IOException {
    Path old = dir.resolve("older-install");
    Files.createDirectory(old, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x")); // whatever the umask
    Path file = old.resolve("app.db");
    Files.createFile(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (AppDatabase db = AppDatabase.open(new MedflowConfig.Database("jdbc:sqlite:" + file, Optional.empty(),
        Optional.empty()))) {
      assertThat(db).isNotNull();
      assertThat(mode(file)).isEqualTo("rw-------");
    }
    assertThat(mode(old)).as("an existing folder is left as it is").isEqualTo("rwxr-xr-x");
  }
}
