package com.medflow.query.trino;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Trino coordinator run by MedFlow as a background process: configuration written into
 * {@code <trino.data-dir>/etc} from MedFlow's own at every start, data in {@code data/}, {@code server.log},
 * {@code trino.pid}. Start waits until the server has finished starting and has answered a first query on the
 * lake's catalog (the first scan loads the plugin's code; before it, queries are slow).
 */
public final class TrinoServer {
  private final MedflowConfig.Trino trino;
  private final MedflowConfig.Catalog catalog;
  private final Optional<Map<String, String>> s3;
  private final TrinoInstall install;
  private final Path dir;

  /** {@code s3}: Iceberg's S3 properties ({@code S3Connection.icebergProperties()}) when the warehouse is on S3. */
  public TrinoServer(MedflowConfig.Trino trino, MedflowConfig.Catalog catalog, Optional<Map<String, String>> s3) {
    this.trino = requireNonNull(trino, "trino is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.s3 = requireNonNull(s3, "s3 is null");
    this.install = new TrinoInstall(trino.installDir());
    this.dir = trino.dataDir().toAbsolutePath().normalize();
  }

  public TrinoInstall install() {
    return install;
  }

  /** Running or not; {@code rssBytes} of the server process when it runs. */
  public record Status(boolean running, Optional<Long> pid, URI url, boolean installed, Path installDir, Path log,
                       Optional<Long> rssBytes) {}

  public Status status() {
    Optional<ProcessHandle> p = process();
    return new Status(p.isPresent(), p.map(ProcessHandle::pid), trino.url(), install.installed(), install.dir(), log(),
        p.flatMap(h -> rss(h.pid())));
  }

  /**
   * Installs if needed, writes the configuration and starts the server unless it already runs from this folder;
   * waits up to {@code timeout} until it answers queries. Returns whether it was started now.
   */
  public boolean start(Duration timeout, java.util.function.Consumer<String> progress) {
    if (process().isPresent()) {
      return false;
    }
    String host = trino.url().getHost();
    if (!(host.equals("127.0.0.1") || host.equals("localhost"))) {
      throw new IllegalStateException("trino.url is " + trino.url() + ": ./medflow trino start runs Trino on this machine"
          + " only (http://127.0.0.1:PORT); start a remote Trino with its own tools");
    }
    if (listening()) {
      throw new IllegalStateException(host + ":" + trino.url().getPort() + " (trino.url) is already in use by another"
          + " process; stop it or set trino.url to a free port");
    }
    install.install(progress);
    Path javaBin = javaHome().resolve("bin/java");
    Path etc = writeConfig();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // its own session: the server outlives the terminal that started it
    }
    command.addAll(List.of(javaBin.toString(), "@" + etc.resolve("jvm.config"), "-cp", install.dir().resolve("lib") + "/*",
        "-Dnode.environment=medflow", "-Dnode.id=" + nodeId(), "-Dnode.data-dir=" + dir.resolve("data"),
        "-Dconfig=" + etc.resolve("config.properties"), "-Dcatalog.config-dir=" + etc.resolve("catalog"),
        "-Dplugin.dir=" + install.dir().resolve("plugin"), "-Dlog.levels-file=" + etc.resolve("log.properties"),
        "-Dmedflow.trino.dir=" + dir, "io.trino.server.TrinoServer"));
    Process process;
    try {
      Files.writeString(log(), "--- starting Trino " + TrinoInstall.VERSION + " at " + trino.url() + "\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).directory(install.dir().toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      Files.writeString(pidFile(), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Trino: " + e.getMessage(), e);
    }
    progress.accept("waiting for Trino to answer (pid " + process.pid() + ", log " + log() + ")");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Trino exited during start-up (exit " + process.exitValue() + "); see " + log());
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("Trino did not finish starting within " + timeout.toSeconds() + " s; see " + log());
      }
      sleep(250);
    }
    warmUp(Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(30).toNanos())));
    return true;
  }

  /** Stops the server of this folder (graceful, then forced after 20 s); false when it was not running. */
  public boolean stop() {
    Optional<ProcessHandle> p = process();
    if (p.isEmpty()) {
      deletePid();
      return false;
    }
    p.get().destroy();
    try {
      p.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      p.get().destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.get().destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot stop Trino (pid " + p.get().pid() + "): " + e.getMessage(), e);
    }
    for (int i = 0; i < 100 && listening(); i++) {
      sleep(100);
    }
    deletePid();
    return true;
  }

  /** The coordinator answers {@code /v1/info} and says it is no longer starting. */
  public boolean ready() {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(trino.url().resolve("/v1/info"))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"starting\":false");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A first query on the catalog (and a scan of the claims table when it exists): later queries run at full speed. */
  private void warmUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try (java.sql.Connection c = TrinoConnections.open(trino, catalog.name());
           java.sql.Statement s = c.createStatement()) {
        s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        boolean claims = false;
        try (java.sql.ResultSet rs = s.executeQuery("SHOW TABLES FROM healthcare")) {
          while (rs.next()) {
            claims |= rs.getString(1).equals("claims_clean");
          }
        } catch (java.sql.SQLException e) {
          if (!String.valueOf(e.getMessage()).contains("does not exist")) {
            throw e;
          }
        }
        if (claims) {
          try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM healthcare.claims_clean")) {
            rs.next();
          }
        }
        return;
      } catch (java.sql.SQLException e) {
        last = new IllegalStateException("Trino started but cannot read the catalog " + catalog.name() + ": "
            + e.getMessage() + " (see " + log() + ")", e);
        sleep(500);
      }
    }
    throw last != null ? last : new IllegalStateException("Trino did not answer a first query in time; see " + log());
  }

  private Path writeConfig() {
    Path etc = dir.resolve("etc");
    try {
      Files.createDirectories(etc.resolve("catalog"));
      Files.createDirectories(dir.resolve("data"));
      Files.writeString(etc.resolve("jvm.config"), TrinoCatalogFiles.jvm(trino.heap()));
      write(etc.resolve("config.properties"), TrinoCatalogFiles.server(trino.url().getPort(), trino.heap()));
      write(etc.resolve("log.properties"), Map.of("io.trino", "WARN", "io.trino.server.TrinoServer", "INFO",
          "org.apache.iceberg", "WARN"));
      try (var old = Files.list(etc.resolve("catalog"))) {
        for (Path f : old.toList()) {
          Files.delete(f);
        }
      }
      Path props = etc.resolve("catalog").resolve(catalog.name() + ".properties");
      write(props, TrinoCatalogFiles.iceberg(catalog, s3));
      Files.setPosixFilePermissions(props, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Trino's configuration into " + etc + ": " + e.getMessage(), e);
    }
    return etc;
  }

  private static void write(Path file, Map<String, String> properties) throws IOException {
    StringBuilder sb = new StringBuilder("# Written by MedFlow at each start of Trino; edit medflow.yaml instead.\n");
    properties.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  private Path javaHome() {
    Optional<Path> configured = trino.javaHome();
    Path home = configured.or(TrinoInstall::findJava).orElseThrow(() -> new IllegalStateException(
        "Trino " + TrinoInstall.VERSION + " needs Java 22 or newer: none found under /usr/lib/jvm (temurin-2x);"
            + " set trino.java-home (MEDFLOW_TRINO_JAVA_HOME)"));
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      throw new IllegalStateException("trino.java-home " + home + " has no bin/java");
    }
    return home;
  }

  private String nodeId() {
    Path f = dir.resolve("node.id");
    try {
      if (!Files.isRegularFile(f)) {
        Files.createDirectories(dir);
        Files.writeString(f, UUID.randomUUID().toString());
      }
      return Files.readString(f).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<ProcessHandle> process() {
    if (!Files.isRegularFile(pidFile())) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile()).trim());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    String marker = "-Dmedflow.trino.dir=" + dir;
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(true));
  }

  /** Resident memory of a process (Linux {@code /proc/<pid>/status}). */
  static Optional<Long> rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(trino.url().getHost(), trino.url().getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void deletePid() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pidFile() {
    return dir.resolve("trino.pid");
  }

  public Path log() {
    return dir.resolve("server.log");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
