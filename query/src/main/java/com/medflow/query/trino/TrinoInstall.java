package com.medflow.query.trino;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Trino server unpacked from Maven Central: {@code io.trino:trino-server-core:<version>:tar.gz} with
 * {@code io.trino:trino-iceberg:<version>:zip} in {@code plugin/iceberg} and the SQLite JDBC driver beside it
 * (Trino ships PostgreSQL's only). Both archives are resolved into the local Maven repository once; the install
 * folder is written under a temporary name and renamed, so a broken download never looks installed.
 */
public final class TrinoInstall {
  /** The Trino release MedFlow runs; newer server tarballs are not published on Maven Central. */
  public static final String VERSION = "476";
  private static final String MARKER = ".medflow-trino-" + VERSION;

  private final Path dir;

  public TrinoInstall(Path dir) {
    this.dir = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public boolean installed() {
    return Files.isRegularFile(dir.resolve(MARKER));
  }

  /** Installs unless already installed; returns whether it installed now. {@code progress} gets one line per step. */
  public boolean install(java.util.function.Consumer<String> progress) {
    if (installed()) {
      return false;
    }
    Path server = artifact("trino-server-core", "tar.gz", progress);
    Path plugin = artifact("trino-iceberg", "zip", progress);
    Path tmp = dir.resolveSibling(dir.getFileName() + ".installing-" + ProcessHandle.current().pid());
    try {
      deleteTree(tmp);
      Files.createDirectories(tmp);
      progress.accept("unpacking " + server.getFileName());
      run(List.of("tar", "-xzf", server.toString(), "-C", tmp.toString(), "--strip-components=1"), Path.of("."));
      progress.accept("unpacking " + plugin.getFileName() + " into plugin/iceberg");
      unzip(plugin, tmp.resolve("plugin/iceberg"));
      Path sqlite = sqliteDriver();
      Files.copy(sqlite, tmp.resolve("plugin/iceberg").resolve(sqlite.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(tmp.resolve(MARKER), "io.trino:trino-server-core:" + VERSION + "\n");
      if (Files.exists(dir)) {
        deleteTree(dir); // an older or half-written install
      }
      Files.createDirectories(dir.getParent());
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install Trino into " + dir + ": " + e.getMessage(), e);
    } finally {
      try {
        deleteTree(tmp);
      } catch (IOException e) {
        progress.accept("could not remove " + tmp + ": " + e.getMessage());
      }
    }
  }

  /** The sqlite-jdbc jar MedFlow itself runs with (the same driver and version reads the same catalog file). */
  static Path sqliteDriver() {
    try {
      Class<?> driver = Class.forName(TrinoCatalogFiles.SQLITE_DRIVER);
      return Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
      throw new IllegalStateException("The SQLite JDBC driver is not on MedFlow's class path: " + e.getMessage(), e);
    }
  }

  private static Path artifact(String name, String type, java.util.function.Consumer<String> progress) {
    Path file = mavenRepository().resolve("io/trino/" + name + "/" + VERSION + "/" + name + "-" + VERSION + "." + type);
    if (Files.isRegularFile(file)) {
      return file;
    }
    progress.accept("downloading io.trino:" + name + ":" + VERSION + ":" + type + " from Maven Central (once)");
    run(List.of("mvn", "-B", "-q", "dependency:get", "-Dtransitive=false",
        "-Dartifact=io.trino:" + name + ":" + VERSION + ":" + type), Path.of("."));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Maven did not put " + file.getFileName() + " at " + file);
    }
    return file;
  }

  private static Path mavenRepository() {
    String local = System.getProperty("maven.repo.local");
    return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static void run(List<String> command, Path cwd) {
    try {
      Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 20 minutes");
      }
      if (p.exitValue() != 0) {
        String text = new String(out, java.nio.charset.StandardCharsets.UTF_8).strip();
        throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
            + (text.length() > 2000 ? text.substring(text.length() - 2000) : text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
  }

  /** Unpacks the plugin zip, dropping its single top folder ({@code trino-iceberg-476/}). */
  private static void unzip(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String name = e.getName();
        int slash = name.indexOf('/');
        String rest = slash < 0 ? name : name.substring(slash + 1);
        if (rest.isEmpty()) {
          continue;
        }
        Path out = target.resolve(rest).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("Unsafe entry in " + zip.getFileName() + ": " + name);
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          copy(in, out);
        }
      }
    }
  }

  private static void copy(InputStream in, Path out) throws IOException {
    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path x : all) {
      Files.deleteIfExists(x);
    }
  }

  /** The newest Java 22+ under /usr/lib/jvm ({@code temurin-2x-*}), if any. */
  static Optional<Path> findJava() {
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(jvm)) {
      return s.filter(d -> d.getFileName().toString().matches("temurin-(2[2-9]|[3-9][0-9])(-.*)?"))
          .filter(d -> Files.isExecutable(d.resolve("bin/java"))).max(Comparator.comparing(d -> d.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
