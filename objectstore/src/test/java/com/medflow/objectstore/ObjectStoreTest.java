package com.medflow.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.objectstore.testing.S3TestServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store against a real S3Proxy: listing, reads pinned to ETags, uploads, deletes. */
class ObjectStoreTest {
  private final S3TestServer server = S3TestServer.get();

  @Test
  void listingFollowsContinuationTokensPastTheThousandKeyPage() {
    String bucket = server.newBucket();
    try (ObjectStore store = new ObjectStore(server.connection())) {
      S3Location folder = new S3Location(bucket, "landing/aetna/");
      IntStream.range(0, 1_500).parallel().forEach(i -> store.putBytes(("line " + i + "\n").getBytes(StandardCharsets.UTF_8),
          folder.resolve(String.format("b%05d.csv", i))));
      store.putBytes("x".getBytes(StandardCharsets.UTF_8), new S3Location(bucket, "landing/aetna/archive/old.csv"));

      List<ObjectInfo> all = store.list(folder, false);
      assertThat(all).hasSize(1_500);
      assertThat(all.get(0).location().toString()).isEqualTo("s3://" + bucket + "/landing/aetna/b00000.csv");
      assertThat(all.get(1_499).location().name()).isEqualTo("b01499.csv");
      assertThat(all).allSatisfy(o -> assertThat(o.etag()).matches("[0-9a-f]{32}"));
      assertThat(store.list(folder, true)).hasSize(1_501);

      try (ObjectStore small = new ObjectStore(server.connection(), 100)) {
        assertThat(small.list(folder, false)).extracting(ObjectInfo::location).containsExactlyElementsOf(
            all.stream().map(ObjectInfo::location).toList());
        assertThat(small.folders(new S3Location(bucket, "landing/"))).containsExactly(folder);
      }
      assertThat(store.deleteAll(new S3Location(bucket, "landing/"))).isEqualTo(1_501);
      assertThat(store.list(folder, true)).isEmpty();
    }
  }

  @Test
  void aReadPinnedToAnEtagFailsWhenTheObjectWasReplaced(@TempDir Path dir) throws Exception {
    String bucket = server.newBucket();
    Path file = dir.resolve("batch.csv");
    Files.writeString(file, "claim_id\nC1\n");
    try (ObjectStore store = new ObjectStore(server.connection())) {
      S3Location at = new S3Location(bucket, "landing/aetna/batch.csv");
      ObjectInfo put = store.put(file, at);
      assertThat(store.head(at)).get().extracting(ObjectInfo::etag, ObjectInfo::size).containsExactly(put.etag(), 12L);
      try (InputStream in = store.open(at, Optional.of(put.etag()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("claim_id\nC1\n");
      }
      store.putBytes("claim_id\nC2\n".getBytes(StandardCharsets.UTF_8), at);
      assertThatThrownBy(() -> store.open(at, Optional.of(put.etag())).close())
          .isInstanceOfSatisfying(ObjectStoreException.class, e -> assertThat(e.code()).isEqualTo(ObjectStoreException.Code.CHANGED))
          .hasMessageContaining(at.toString());
      assertThat(store.head(new S3Location(bucket, "landing/none.csv"))).isEmpty();
    }
  }
}
