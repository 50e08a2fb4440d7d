package com.medflow.objectstore.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Location;
import com.medflow.objectstore.testing.S3TestServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development S3 server as {@code ./medflow s3 start|stop|status} runs it: a real S3Proxy process. */
class DevServerTest {
  @Test
  void startsWithGeneratedOwnerOnlyCredentialsCreatesBucketsAndKeepsObjectsAcrossRestarts(@TempDir Path dir) throws Exception {
    URI endpoint = S3TestServer.freePort();
    DevServer server = new DevServer(endpoint, dir, List.of("medflow-landing", "medflow-warehouse"));
    try {
      assertThat(server.status().running()).isFalse();
      assertThat(server.start(Duration.ofSeconds(60))).isTrue();
      assertThat(server.start(Duration.ofSeconds(60))).as("a second start finds it running").isFalse();
      DevServer.Status status = server.status();
      assertThat(status.running()).isTrue();
      assertThat(status.pid()).isPresent();
      assertThat(Files.getPosixFilePermissions(DevCredentials.file(dir))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(dir.resolve("s3proxy.properties")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      S3Location object = new S3Location("medflow-landing", "aetna/b1.csv");
      try (ObjectStore store = new ObjectStore(server.connection())) {
        assertThat(store.buckets()).containsExactly("medflow-landing", "medflow-warehouse");
        store.putBytes("claim_id\n".getBytes(StandardCharsets.UTF_8), object);
      }
      String accessKey = DevCredentials.read(dir).orElseThrow().accessKey();

      assertThat(server.stop()).isTrue();
      assertThat(server.status().running()).isFalse();
      assertThat(server.stop()).isFalse();

      assertThat(server.start(Duration.ofSeconds(60))).isTrue();
      assertThat(DevCredentials.read(dir).orElseThrow().accessKey()).as("credentials are kept").isEqualTo(accessKey);
      try (ObjectStore store = new ObjectStore(server.connection()); InputStream in = store.open(object, Optional.empty())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("claim_id\n");
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void aPortTakenByAnotherProcessIsOneClearError(@TempDir Path dir) throws Exception {
    URI endpoint = S3TestServer.freePort();
    try (ServerSocket taken = new ServerSocket(endpoint.getPort(), 1, InetAddress.getLoopbackAddress())) {
      DevServer server = new DevServer(endpoint, dir, List.of());
      assertThatThrownBy(() -> server.start(Duration.ofSeconds(10)))
          .hasMessage("127.0.0.1:" + endpoint.getPort() + " (s3.endpoint) is already in use by another process; stop it"
              + " or set s3.endpoint to a free port");
    }
  }

  @Test
  void onlyLoopbackHttpEndpointsCanBeServed(@TempDir Path dir) {
    assertThatThrownBy(() -> new DevServer(URI.create("https://s3.us-east-1.amazonaws.com"), dir, List.of()))
        .hasMessageContaining("s3.endpoint must be http://127.0.0.1:PORT");
  }
}
