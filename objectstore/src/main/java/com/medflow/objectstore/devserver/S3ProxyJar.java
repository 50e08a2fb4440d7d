package com.medflow.objectstore.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Finds the S3Proxy server jar ({@code org.gaul:s3proxy:<version>:jar-with-dependencies}). Every
 * build resolves it from Maven Central into the local Maven repository (and copies it to
 * {@code objectstore/target/s3proxy/}); when neither is there, it is resolved once with {@code mvn}.
 */
public final class S3ProxyJar {
  private S3ProxyJar() {}

  /** The S3Proxy release this build runs (from the parent pom, {@code s3proxy.version}). */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = S3ProxyJar.class.getResourceAsStream("/medflow/s3proxy.properties")) {
      if (in == null) {
        throw new IllegalStateException("medflow/s3proxy.properties is missing from the objectstore jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /** The jar to run: found, or resolved through Maven now. */
  public static Path locate() {
    return find().orElseGet(S3ProxyJar::resolveWithMaven);
  }

  static Optional<Path> find() {
    for (Path p : candidates()) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String explicit = System.getenv("MEDFLOW_S3PROXY_JAR");
    if (explicit != null && !explicit.isBlank()) {
      out.add(Path.of(explicit));
      return out;
    }
    String root = System.getenv("MEDFLOW_ROOT");
    Path userDir = Path.of(System.getProperty("user.dir"));
    for (Path base : root == null ? List.of(userDir, userDir.resolve("..")) : List.of(Path.of(root))) {
      out.add(base.resolve("objectstore/target/s3proxy/s3proxy.jar").normalize());
    }
    out.add(mavenRepository().resolve("org/gaul/s3proxy/" + version() + "/s3proxy-" + version()
        + "-jar-with-dependencies.jar"));
    return out;
  }

  private static Path mavenRepository() {
    String local = System.getProperty("maven.repo.local");
    return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static Path resolveWithMaven() {
    String artifact = "org.gaul:s3proxy:" + version() + ":jar:jar-with-dependencies";
    System.err.println("medflow: resolving S3Proxy " + version() + " from Maven Central (once)...");
    ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "-q", "dependency:get", "-Dtransitive=false",
        "-Dartifact=" + artifact).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("Cannot resolve " + artifact + " with mvn (exit " + p.exitValue()
            + "); build MedFlow once (mvn package) or set MEDFLOW_S3PROXY_JAR");
      }
    } catch (IOException e) {
      throw new IllegalStateException("S3Proxy " + version() + " is not in the Maven repository and mvn cannot run ("
          + e.getMessage() + "); set MEDFLOW_S3PROXY_JAR to the jar-with-dependencies", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resolving S3Proxy", e);
    }
    return find().orElseThrow(() -> new IllegalStateException("mvn resolved " + artifact + " but it is not in "
        + mavenRepository()));
  }
}
