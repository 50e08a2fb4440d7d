package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.OrchestrationConfig;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.pipeline.quality.ArrivalChecks;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import com.medflow.telemetry.Tracing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freshness and volume warnings are logged in data_quality_log by the runs, with their exact values. */
class ArrivalChecksPipelineTest {
  private static final String WARN_ROWS = "SELECT batch_id, payer, layer, check_name, severity, rows_checked, rows_failed,"
      + " round(failure_rate, 3), threshold, passed, run_id FROM healthcare.data_quality_log"
      + " WHERE check_name IN ('FRESHNESS', 'VOLUME') ORDER BY batch_id, payer, check_name";

  private static RunOutcome runAt(PipelineHarness h, Instant at) {
    return new PipelineRunner(h.lake, h.runs, h.mappings(), Icd10Cm.load(), new QualityGate(0.6),
        Clock.fixed(at, ZoneOffset.UTC), PipelineListener.NONE, Optional.empty(), RetryPolicy.NONE, Sleeper.SYSTEM,
        new ArrivalChecks(new OrchestrationConfig.Checks(Duration.ofDays(2), Map.of("Aetna", Duration.ofHours(12)), 5,
            0.5)), Tracing.NOOP).runNow(h.landingRoot, "test");
  }

  @Test
  void aStalePayerAndABatchFarFromItsPayersRecentBatchesAreLoggedAsWarnings(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      Instant t0 = PipelineHarness.NOW;
      h.land("b1");
      RunOutcome first = runAt(h, t0);
      assertThat(h.lines(WARN_ROWS)).containsExactly(
          "b1|Aetna|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b1|BlueCross|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b1|UnitedHealth|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId());

      h.land("b2"); // BlueCross and UnitedHealth only, one row each; Aetna sends nothing for a day
      RunOutcome second = runAt(h, t0.plus(Duration.ofDays(1)));
      assertThat(second.state()).as("warnings do not fail a run").isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines(WARN_ROWS)).containsExactly(
          "b1|Aetna|bronze|FRESHNESS|WARN|1|1|1.0|0.0|false|" + second.runId(),
          "b1|BlueCross|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b1|UnitedHealth|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b2|BlueCross|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + second.runId(),
          "b2|BlueCross|bronze|VOLUME|WARN|8|7|0.875|0.5|false|" + second.runId(),
          "b2|UnitedHealth|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + second.runId(),
          "b2|UnitedHealth|bronze|VOLUME|WARN|5|4|0.8|0.5|false|" + second.runId());
      assertThat(second.tasks()).filteredOn(t -> t.name().equals("verify_silver")).singleElement()
          .satisfies(t -> assertThat(t.detail()).contains("WARN Aetna has sent no batch for 24 h (interval PT12H)")
              .contains("BlueCross/b2 has 1 rows, 88% off the recent mean of 8"));

      // nothing new three days later: the run has nothing to do and logs the payers that went stale since
      RunOutcome third = runAt(h, t0.plus(Duration.ofDays(4)));
      assertThat(third.state()).isEqualTo(RunState.NOTHING_TO_DO);
      assertThat(h.lines(WARN_ROWS + "")).filteredOn(l -> l.contains("FRESHNESS")).containsExactly(
          "b1|Aetna|bronze|FRESHNESS|WARN|1|1|1.0|0.0|false|" + second.runId(),
          "b1|BlueCross|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b1|UnitedHealth|bronze|FRESHNESS|WARN|1|0|0.0|0.0|true|" + first.runId(),
          "b2|BlueCross|bronze|FRESHNESS|WARN|1|1|1.0|0.0|false|" + third.runId(),
          "b2|UnitedHealth|bronze|FRESHNESS|WARN|1|1|1.0|0.0|false|" + third.runId());
      assertThat(third.tasks()).filteredOn(t -> t.name().equals("transform")).singleElement()
          .satisfies(t -> assertThat(t.detail()).contains("WARN Aetna has sent no batch for 96 h")
              .contains("BlueCross has sent no batch for 72 h (interval PT48H)"));
      long snapshots = h.rows("SELECT * FROM healthcare.data_quality_log.snapshots").size();
      assertThat(runAt(h, t0.plus(Duration.ofDays(5))).state()).isEqualTo(RunState.NOTHING_TO_DO);
      assertThat(h.rows("SELECT * FROM healthcare.data_quality_log.snapshots")).as("no news: the log is unchanged")
          .hasSize((int) snapshots);
    }
  }
}
