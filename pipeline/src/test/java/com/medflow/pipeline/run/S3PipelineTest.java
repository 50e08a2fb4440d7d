package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.objectstore.ObjectInfo;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Location;
import com.medflow.objectstore.testing.S3TestServer;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import com.medflow.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production storage path: landing zone and warehouse on S3 (a real S3Proxy), catalog and run
 * history on a real PostgreSQL; the same rows as the embedded default, object lineage in bronze.
 */
class S3PipelineTest {
  private static final List<String> SAME_ROWS = List.of(
      "SELECT payer, batch_id, source_file, source_line, raw_line, size(record), file_sha256, claim_key FROM healthcare.claims_raw",
      "SELECT * EXCEPT (updated_at) FROM healthcare.claims_clean",
      "SELECT payer, batch_id, source_line, claim_id, array_join(reasons, ',') FROM healthcare.claims_quarantined",
      "SELECT * EXCEPT (run_at, run_id) FROM healthcare.data_quality_log",
      "SELECT * FROM healthcare_gold.claims_monthly_summary",
      "SELECT * FROM healthcare_gold.provider_performance");

  @Test
  void s3LandingAndWarehouseGiveTheSameRowsAsLocalFilesWithObjectLineage(@TempDir Path dir) throws Exception {
    S3TestServer s3 = S3TestServer.get();
    String bucket = s3.newBucket();
    Map<String, List<String>> embedded = new HashMap<>();
    try (PipelineHarness local = new PipelineHarness(dir.resolve("embedded"), 0.6, Map.of())) {
      local.land("b1");
      assertThat(local.run().state()).isEqualTo(RunState.SUCCEEDED);
      for (String sql : SAME_ROWS) {
        embedded.put(sql, local.lines(sql + " ORDER BY 1, 2, 3, 4"));
      }
    }
    try (PostgresTestDatabase pg = new PostgresTestDatabase()) {
      Map<String, String> overrides = new HashMap<>(s3.overrides(bucket));
      overrides.putAll(Map.of("catalog.uri", pg.url(), "catalog.user", pg.user(), "app-db.url", pg.url(),
          "app-db.user", pg.user()));
      try (PipelineHarness h = new PipelineHarness(dir.resolve("production"), 0.6, overrides)) {
        h.land("b1");
        RunOutcome first = h.run();
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(first.bronzeRows()).isEqualTo(20);
        for (String sql : SAME_ROWS) {
          assertThat(h.lines(sql + " ORDER BY 1, 2, 3, 4")).as(sql).containsExactlyElementsOf(embedded.get(sql));
        }

        List<ObjectInfo> objects;
        try (ObjectStore store = new ObjectStore(s3.connection())) {
          objects = store.list(new S3Location(bucket, "landing/aetna/"), false);
          assertThat(store.list(new S3Location(bucket, "warehouse/healthcare/claims_clean/data/"), true)).isNotEmpty();
        }
        assertThat(h.lines("SELECT DISTINCT source_uri, source_etag FROM healthcare.claims_raw WHERE payer = 'Aetna'"))
            .containsExactly(objects.get(0).location() + "|" + objects.get(0).etag());
        assertThat(h.lake.location(com.medflow.model.Tables.CLAIMS_CLEAN))
            .isEqualTo("s3://" + bucket + "/warehouse/healthcare/claims_clean");

        RunOutcome again = h.run();
        assertThat(again.state()).isEqualTo(RunState.NOTHING_TO_DO);
        assertThat(again.skippedFiles()).hasSize(3).allSatisfy(f -> assertThat(f.reason())
            .isEqualTo("already ingested (same object and ETag)"));

        h.write("aetna/b1-copy.csv", Files.readAllBytes(h.landing.resolve("aetna/b1.csv")));
        RunOutcome copy = h.run();
        assertThat(copy.state()).isEqualTo(RunState.NOTHING_TO_DO);
        assertThat(copy.skippedFiles()).extracting(f -> f.file() + ": " + f.reason())
            .contains("aetna/b1-copy.csv: already ingested (same content)");
        assertThat(h.rows("SELECT * FROM healthcare.claims_raw")).hasSize(20);
      }
    }
  }
}
