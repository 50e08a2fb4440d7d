package com.medflow.objectstore.devserver;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.ObjectStoreException;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The development S3 server: S3Proxy with its file-system backend, run as a background process
 * from {@code <server dir>} (objects in {@code data/}, {@code s3proxy.properties}, generated
 * {@code credentials}, {@code s3proxy.pid}, {@code s3proxy.log}). Started by {@code ./medflow s3 start},
 * by {@code ./medflow demo --profile production} when the endpoint is local, and by tests.
 */
public final class DevServer {
  private final URI endpoint;
  private final Path dir;
  private final List<String> buckets;

  /** {@code endpoint}: {@code http://127.0.0.1:PORT} to bind; {@code buckets}: created at start when missing. */
  public DevServer(URI endpoint, Path dir, List<String> buckets) {
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.dir = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
    this.buckets = List.copyOf(buckets);
    String host = endpoint.getHost();
    if (!"http".equals(endpoint.getScheme()) || endpoint.getPort() < 1
        || !("127.0.0.1".equals(host) || "localhost".equals(host))) {
      throw new IllegalArgumentException("The development S3 server runs on this machine only: s3.endpoint must be"
          + " http://127.0.0.1:PORT, not " + endpoint);
    }
  }

  /** The server for a configuration: its endpoint, server folder, and the buckets of the warehouse and landing zone. */
  public static DevServer forConfig(MedflowConfig config) {
    URI endpoint = config.s3().endpoint().orElseThrow(() -> new IllegalArgumentException(
        "s3.endpoint is aws: the development S3 server runs only on an http://127.0.0.1:PORT endpoint"));
    return new DevServer(endpoint, config.s3().serverDir(), configuredBuckets(config));
  }

  /** Buckets named by catalog.warehouse and landing.dir (those on S3). */
  public static List<String> configuredBuckets(MedflowConfig config) {
    Set<String> out = new LinkedHashSet<>();
    if (config.catalog().onObjectStore()) {
      out.add(S3Location.parse(config.catalog().warehouse().toString()).bucket());
    }
    if (MedflowConfig.isS3(config.pipeline().landing())) {
      out.add(S3Location.parse(config.pipeline().landing()).bucket());
    }
    return List.copyOf(out);
  }

  /** Running or not, with what a person needs to use it. */
  public record Status(boolean running, Optional<Long> pid, URI endpoint, Path dataDir, Path credentials, Path log) {}

  public Status status() {
    Optional<ProcessHandle> p = process();
    return new Status(p.isPresent(), p.map(ProcessHandle::pid), endpoint, dir.resolve("data"),
        DevCredentials.file(dir), log());
  }

  /** The connection a client uses to reach this server with its generated credentials. */
  public S3Connection connection() {
    DevCredentials c = DevCredentials.readOrCreate(dir);
    return S3Connection.of(endpoint, "us-east-1", c.accessKey(), c.secretKey(),
        "the credentials generated in " + DevCredentials.file(dir));
  }

  /**
   * Starts the server unless it is already running from this folder, waits until it answers S3
   * requests, and creates missing buckets. Returns whether it was started now.
   */
  public boolean start(Duration timeout) {
    if (process().isPresent()) {
      createBuckets(connection());
      return false;
    }
    if (listening()) {
      throw new IllegalStateException(endpoint.getHost() + ":" + endpoint.getPort() + " (s3.endpoint) is already in"
          + " use by another process; stop it or set s3.endpoint to a free port");
    }
    DevCredentials creds = DevCredentials.readOrCreate(dir);
    Path properties = writeProperties(creds);
    Path jar = S3ProxyJar.locate();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // its own session: the server outlives the terminal that started it
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-XX:+UseSerialGC", "-jar", jar.toString(), "--properties", properties.toString()));
    Process process;
    try {
      Files.writeString(log(), "--- starting S3Proxy " + S3ProxyJar.version() + " at " + endpoint + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      Files.writeString(pidFile(), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy: " + e.getMessage(), e);
    }
    S3Connection connection = connection();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (ObjectStore store = new ObjectStore(connection)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("S3Proxy exited during start-up (exit " + process.exitValue() + "): "
              + lastLogLine() + " (log " + log() + ")");
        }
        try {
          store.buckets();
          break;
        } catch (ObjectStoreException e) {
          if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw new IllegalStateException("S3Proxy did not answer within " + timeout.toSeconds() + " s: "
                + e.getMessage() + " (log " + log() + ")");
          }
        }
        sleep(150);
      }
    }
    createBuckets(connection);
    return true;
  }

  private void createBuckets(S3Connection connection) {
    try (ObjectStore store = new ObjectStore(connection)) {
      for (String b : buckets) {
        if (!store.bucketExists(b)) {
          store.createBucket(b);
        }
      }
    }
  }

  /** Stops the server started from this folder; returns false when it was not running. */
  public boolean stop() {
    Optional<ProcessHandle> p = process();
    if (p.isEmpty()) {
      deletePidFile();
      return false;
    }
    p.get().destroy();
    try {
      p.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      p.get().destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.get().destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot stop S3Proxy (pid " + p.get().pid() + "): " + e.getMessage(), e);
    }
    for (int i = 0; i < 50 && listening(); i++) {
      sleep(100);
    }
    deletePidFile();
    return true;
  }

  /** The live S3Proxy process of this folder: the pid file's process, if it still runs our properties file. */
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
    String marker = dir.resolve("s3proxy.properties").toString();
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(true));
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path writeProperties(DevCredentials creds) {
    Path f = dir.resolve("s3proxy.properties");
    try {
      Files.createDirectories(dir.resolve("data"));
      Files.deleteIfExists(f);
      Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        w.write("# Written by MedFlow at each start of the development S3 server.\n");
        w.write("s3proxy.endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost() + ":" + endpoint.getPort() + "\n");
        w.write("s3proxy.authorization=aws-v2-or-v4\n");
        w.write("s3proxy.identity=" + creds.accessKey() + "\n");
        w.write("s3proxy.credential=" + creds.secretKey() + "\n");
        w.write("s3proxy.ignore-unknown-headers=true\n");
        w.write("jclouds.provider=filesystem-nio2\n");
        w.write("jclouds.filesystem.basedir=" + dir.resolve("data") + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + f + ": " + e.getMessage(), e);
    }
    return f;
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
          return lines.get(i).strip();
        }
      }
    } catch (IOException e) {
      return "(no log)";
    }
    return "(empty log)";
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pidFile() {
    return dir.resolve("s3proxy.pid");
  }

  private Path log() {
    return dir.resolve("s3proxy.log");
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
