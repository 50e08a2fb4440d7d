package com.medflow.objectstore.testing;

import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.devserver.DevCredentials;
import com.medflow.objectstore.devserver.DevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The S3 server tests talk to: the one {@code scripts/test} started for the whole run
 * ({@code MEDFLOW_TEST_S3_ENDPOINT} and {@code MEDFLOW_TEST_S3_DIR}, its server folder), or else one
 * S3Proxy per test JVM on the first free port from {@code MEDFLOW_TEST_S3_PORT} (default 18120),
 * stopped when the JVM exits. Each test makes its own bucket, so tests never see each other's objects.
 */
public final class S3TestServer {
  private static S3TestServer shared;

  private final URI endpoint;
  private final DevCredentials credentials;

  private S3TestServer(URI endpoint, DevCredentials credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  public static synchronized S3TestServer get() {
    if (shared == null) {
      String endpoint = System.getenv("MEDFLOW_TEST_S3_ENDPOINT");
      String dir = System.getenv("MEDFLOW_TEST_S3_DIR");
      if (endpoint != null && dir != null) {
        shared = new S3TestServer(URI.create(endpoint), DevCredentials.read(Path.of(dir)).orElseThrow(
            () -> new IllegalStateException("MEDFLOW_TEST_S3_DIR " + dir + " has no credentials file")));
      } else {
        shared = startOwn();
      }
    }
    return shared;
  }

  private static S3TestServer startOwn() {
    try {
      Path dir = Files.createTempDirectory("medflow-test-s3");
      DevServer server = new DevServer(freePort(), dir, List.of());
      server.start(Duration.ofSeconds(60));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "medflow-test-s3-stop"));
      return new S3TestServer(server.status().endpoint(), DevCredentials.read(dir).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free loopback endpoint from MEDFLOW_TEST_S3_PORT (default 18120) upwards. */
  public static URI freePort() {
    int first = Integer.parseInt(System.getenv().getOrDefault("MEDFLOW_TEST_S3_PORT", "18120"));
    for (int port = first; port < first + 20; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return URI.create("http://127.0.0.1:" + port);
      } catch (IOException busy) {
        // try the next one
      }
    }
    throw new IllegalStateException("No free port in " + first + ".." + (first + 19) + " for a test S3 server");
  }

  public URI endpoint() {
    return endpoint;
  }

  public DevCredentials credentials() {
    return credentials;
  }

  public S3Connection connection() {
    return S3Connection.of(endpoint, "us-east-1", credentials.accessKey(), credentials.secretKey(), "test credentials");
  }

  /** A new, empty bucket with a unique name. */
  public String newBucket() {
    String name = "mf-test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (ObjectStore store = new ObjectStore(connection())) {
      store.createBucket(name);
    }
    return name;
  }

  /** Configuration overrides that put the warehouse and the landing zone in {@code bucket} of this server. */
  public Map<String, String> overrides(String bucket) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("s3.endpoint", endpoint.toString());
    o.put("s3.access-key", credentials.accessKey());
    o.put("s3.secret-key", credentials.secretKey());
    o.put("catalog.warehouse", "s3://" + bucket + "/warehouse");
    o.put("landing.dir", "s3://" + bucket + "/landing/");
    return o;
  }
}
