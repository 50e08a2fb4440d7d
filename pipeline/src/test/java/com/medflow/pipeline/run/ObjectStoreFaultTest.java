package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.objectstore.devserver.DevCredentials;
import com.medflow.objectstore.devserver.DevServer;
import com.medflow.objectstore.testing.S3TestServer;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import com.medflow.testing.PostgresTestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server stops in the middle of a run: the run fails with one clear line, no table's main
 * moves, and after a restart the next run completes with every row accounted for.
 */
class ObjectStoreFaultTest {
  private static final String CLAIMS = "SELECT * EXCEPT (updated_at) FROM healthcare.claims_clean ORDER BY payer, claim_id";
  private static final String QUARANTINE = "SELECT payer, batch_id, source_line, array_join(reasons, ',')"
      + " FROM healthcare.claims_quarantined ORDER BY 1, 2, 3";

  @Test
  void aRunThatLosesTheStoreFailsCleanlyAndTheNextRunRecoversEveryRow(@TempDir Path dir) throws Exception {
    List<String> expectedClaims;
    List<String> expectedQuarantine;
    try (PipelineHarness local = new PipelineHarness(dir.resolve("embedded"), 0.6, Map.of())) {
      for (String batch : List.of("b1", "b2", "b3")) {
        local.land(batch);
        assertThat(local.run().state()).isIn(RunState.SUCCEEDED, RunState.GATE_FAILED);
      }
      expectedClaims = local.lines(CLAIMS);
      expectedQuarantine = local.lines(QUARANTINE);
    }

    URI endpoint = S3TestServer.freePort();
    Path serverDir = dir.resolve("s3");
    DevServer server = new DevServer(endpoint, serverDir, List.of("medflow-fault"));
    try (PostgresTestDatabase pg = new PostgresTestDatabase()) {
      server.start(Duration.ofSeconds(60));
      DevCredentials creds = DevCredentials.read(serverDir).orElseThrow();
      Map<String, String> overrides = new HashMap<>(Map.of("s3.endpoint", endpoint.toString(),
          "s3.access-key", creds.accessKey(), "s3.secret-key", creds.secretKey(),
          "catalog.warehouse", "s3://medflow-fault/warehouse", "landing.dir", "s3://medflow-fault/landing/",
          "catalog.uri", pg.url(), "catalog.user", pg.user(), "app-db.url", pg.url(), "app-db.user", pg.user()));
      try (PipelineHarness h = new PipelineHarness(dir.resolve("production"), 0.6, overrides)) {
        h.land("b1");
        assertThat(h.run().state()).isEqualTo(RunState.SUCCEEDED);

        for (var fault : List.of(Map.entry("b2", PipelineTask.WRITE_SILVER), Map.entry("b3", PipelineTask.PUBLISH))) {
          h.land(fault.getKey());
          Map<TableId, Long> before = snapshots(h);
          PipelineListener stopAtTask = new PipelineListener() {
            @Override
            public void taskStarted(PipelineTask task) {
              if (task == fault.getValue()) {
                server.stop();
              }
            }
          };
          long started = System.nanoTime();
          PipelineException failed = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
              () -> h.runner(stopAtTask).runNow(h.landingRoot, "test"));
          System.err.printf("store stopped at %s: run failed after %.1f s: %s%n", fault.getValue().wireName(),
              (System.nanoTime() - started) / 1e9, failed.getMessage());
          assertThat(failed.getMessage()).startsWith(fault.getValue().wireName() + " failed: Cannot reach the S3 store at "
              + endpoint + " (s3.endpoint)").doesNotContain("\n");
          assertThat(h.runs.get(failed.runId()).orElseThrow().summary().state()).isEqualTo(RunState.FAILED);

          server.start(Duration.ofSeconds(60));
          Map<TableId, Long> after = snapshots(h);
          after.remove(Tables.CLAIMS_RAW);
          before.remove(Tables.CLAIMS_RAW); // bronze took the new batch before the failure: it stays pending
          assertThat(after).as("no silver or gold main moved when the store went away at " + fault.getValue())
              .isEqualTo(before);
          assertThat(h.rows("SELECT * FROM healthcare.claims_raw WHERE batch_id = '" + fault.getKey() + "'")).isNotEmpty();
          RunOutcome recovered = h.run();
          assertThat(recovered.state()).isIn(RunState.SUCCEEDED, RunState.GATE_FAILED);
          assertThat(recovered.payers()).isNotEmpty().allSatisfy(p -> assertThat(p.reconciled()).isTrue());
        }
        assertThat(h.lines(CLAIMS)).containsExactlyElementsOf(expectedClaims);
        assertThat(h.lines(QUARANTINE)).containsExactlyElementsOf(expectedQuarantine);
        for (TableSpec spec : Tables.ALL) {
          assertThat(h.lake.branches(spec.id())).as("branches of " + spec.id()).isEmpty();
        }
      }
    } finally {
      server.stop();
    }
  }

  private static Map<TableId, Long> snapshots(PipelineHarness h) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableSpec spec : Tables.ALL) {
      out.put(spec.id(), h.snapshot(spec.id()));
    }
    return out;
  }
}
