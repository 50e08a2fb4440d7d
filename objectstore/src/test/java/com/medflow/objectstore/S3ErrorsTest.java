package com.medflow.objectstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.objectstore.ObjectStoreException.Code;
import com.medflow.objectstore.testing.S3TestServer;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Each way of misconfiguring the store ends in one line that names the setting to fix. */
class S3ErrorsTest {
  private final S3TestServer server = S3TestServer.get();

  @Test
  void wrongCredentialsNameWhereTheyCameFrom() {
    String bucket = server.newBucket();
    S3Connection wrong = S3Connection.of(server.endpoint(), "us-east-1", server.credentials().accessKey(), "not-the-secret",
        "s3.secret-key (from env MEDFLOW_S3_SECRET_KEY)");
    try (ObjectStore store = new ObjectStore(wrong)) {
      assertThatThrownBy(() -> store.checkBucket(bucket, "catalog.warehouse"))
          .isInstanceOfSatisfying(ObjectStoreException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
              .isEqualTo(Code.BAD_CREDENTIALS))
          .hasMessageContaining("rejected the credentials from s3.secret-key (from env MEDFLOW_S3_SECRET_KEY)")
          .hasMessageContaining("catalog.warehouse")
          .hasMessageNotContaining("\n");
    }
    S3Connection unknown = S3Connection.of(server.endpoint(), "us-east-1", "NOBODY", "x", "s3.access-key (from medflow.yaml)");
    try (ObjectStore store = new ObjectStore(unknown)) {
      assertThatThrownBy(() -> store.list(new S3Location(bucket, "landing/"), false))
          .hasMessageContaining("rejected the credentials from s3.access-key (from medflow.yaml)");
    }
  }

  @Test
  void aMissingBucketNamesTheSettingThatNamedIt() {
    try (ObjectStore store = new ObjectStore(server.connection())) {
      assertThatThrownBy(() -> store.checkBucket("mf-no-such-bucket", "landing.dir"))
          .isInstanceOfSatisfying(ObjectStoreException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
              .isEqualTo(Code.NO_SUCH_BUCKET))
          .hasMessageStartingWith("bucket mf-no-such-bucket (landing.dir) does not exist at " + server.endpoint())
          .hasMessageNotContaining("\n");
      assertThatThrownBy(() -> store.list(new S3Location("mf-no-such-bucket", "landing/"), false))
          .hasMessageContaining("does not exist");
    }
  }

  @Test
  void anEndpointWithNothingListeningIsUnreachable() {
    URI nowhere = S3TestServer.freePort();
    S3Connection c = S3Connection.of(nowhere, "us-east-1", "a", "b", "test");
    try (ObjectStore store = new ObjectStore(c)) {
      assertThatThrownBy(() -> store.checkBucket("medflow-landing", "landing.dir"))
          .isInstanceOfSatisfying(ObjectStoreException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
              .isEqualTo(Code.UNREACHABLE))
          .hasMessageStartingWith("Cannot reach the S3 store at " + nowhere + " (s3.endpoint) for bucket medflow-landing"
              + " (landing.dir)")
          .hasMessageContaining("./medflow s3 status")
          .hasMessageNotContaining("\n");
    }
  }
}
