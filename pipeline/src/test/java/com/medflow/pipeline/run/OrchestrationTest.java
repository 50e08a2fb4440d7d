package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.Tables;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunEvent;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskAttempt;
import com.medflow.store.runs.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries with backoff, resuming a failed run, running task by task, and backfill. */
class OrchestrationTest {
  private static final String CLEAN = "SELECT * FROM healthcare.claims_clean ORDER BY payer, claim_id";
  private static final String QUARANTINE = "SELECT payer, batch_id, source_file, source_line, array_join(reasons, ',')"
      + " FROM healthcare.claims_quarantined ORDER BY payer, batch_id, source_line";
  private static final String GOLD = "SELECT * FROM healthcare_gold.claims_monthly_summary ORDER BY service_month, payer";
  private static final String QUALITY = "SELECT batch_id, payer, layer, check_name, severity, rows_checked, rows_failed,"
      + " passed FROM healthcare.data_quality_log ORDER BY batch_id, payer, layer, check_name";

  /** Fails the first {@code failures} attempts of {@code task}; records every attempt started. */
  private static final class Faults implements PipelineListener {
    final PipelineTask task;
    int failures;
    final List<String> attempts = new ArrayList<>();

    Faults(PipelineTask task, int failures) {
      this.task = task;
      this.failures = failures;
    }

    @Override
    public void attemptStarted(PipelineTask t, int attempt) {
      attempts.add(t.wireName() + "#" + attempt);
      if (t == task && failures > 0) {
        failures--;
        throw new IllegalStateException("injected fault in " + t.wireName());
      }
    }
  }

  private static PipelineRunner runner(PipelineHarness h, PipelineListener listener, RetryPolicy retry, Sleeper sleeper) {
    return new PipelineRunner(h.lake, h.runs, h.mappings(), Icd10Cm.load(), new QualityGate(0.6),
        Clock.fixed(PipelineHarness.NOW, ZoneOffset.UTC), listener, Optional.empty(), retry, sleeper);
  }

  @Test
  void aTaskThatFailsTwiceThenSucceedsIsRetriedWithExponentialBackoff(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      Faults faults = new Faults(PipelineTask.TRANSFORM, 2);
      List<Duration> waits = new ArrayList<>();
      RunOutcome out = runner(h, faults, new RetryPolicy(4, Duration.ofSeconds(1), 2, Duration.ofSeconds(30)), waits::add)
          .runNow(h.landingRoot, "test");

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.cleanRows()).isEqualTo(10);
      assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(h.runs.log().attempts(out.runId())).filteredOn(a -> a.task().equals("transform"))
          .extracting(a -> a.attempt() + ":" + a.state() + ":" + a.error())
          .containsExactly("1:FAILED:injected fault in transform", "2:FAILED:injected fault in transform",
              "3:SUCCEEDED:null");
      assertThat(h.runs.log().attemptCounts(out.runId())).containsEntry("ingest", 1).containsEntry("transform", 3)
          .containsEntry("publish", 1);
    }
  }

  @Test
  void retriesStopAtTheLimitAndTheRunFails(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      List<Duration> waits = new ArrayList<>();
      PipelineRunner r = runner(h, new Faults(PipelineTask.GATE, 5),
          new RetryPolicy(3, Duration.ofMillis(500), 3, Duration.ofSeconds(1)), waits::add);
      PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
          () -> r.runNow(h.landingRoot, "test"));

      assertThat(e.getMessage()).isEqualTo("gate failed: injected fault in gate");
      assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1)); // 1.5 s capped at 1 s
      assertThat(h.runs.log().attemptCounts(e.runId())).containsEntry("gate", 3);
      assertThat(h.runs.get(e.runId()).orElseThrow().summary().state()).isEqualTo(RunState.FAILED);
    }
  }

  @Test
  void aFailedRunResumesFromTheFailedTaskWithoutRedoingEarlierTasks(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
          () -> runner(h, new Faults(PipelineTask.AGGREGATE, 1), RetryPolicy.NONE, Sleeper.SYSTEM)
              .runNow(h.landingRoot, "test"));
      String runId = e.runId();
      assertThat(h.runs.get(runId).orElseThrow().tasks()).extracting(t -> t.name() + ":" + t.state()).containsExactly(
          "ingest:SUCCEEDED", "verify_bronze:SUCCEEDED", "transform:SUCCEEDED", "gate:SUCCEEDED",
          "write_silver:SUCCEEDED", "verify_silver:SUCCEEDED", "aggregate:FAILED", "verify_gold:SKIPPED",
          "publish:SKIPPED");
      assertThat(h.rows("SELECT * FROM healthcare.claims_clean")).isEmpty(); // nothing published yet
      long bronze = h.snapshot(Tables.CLAIMS_RAW);

      Faults resumed = new Faults(PipelineTask.AGGREGATE, 0);
      RunOutcome out = runner(h, resumed, RetryPolicy.NONE, Sleeper.SYSTEM).resume(runId);

      assertThat(out.runId()).isEqualTo(runId);
      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(resumed.attempts).containsExactly("aggregate#2", "verify_gold#1", "publish#1");
      assertThat(h.snapshot(Tables.CLAIMS_RAW)).isEqualTo(bronze);
      assertThat(h.runs.log().attemptCounts(runId)).containsEntry("ingest", 1).containsEntry("write_silver", 1)
          .containsEntry("aggregate", 2);
      assertThat(h.runs.log().events(runId)).extracting(RunEvent::kind, RunEvent::detail)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("resumed", "from aggregate (was failed)"));
      assertThat(out.cleanRows()).isEqualTo(10);
      assertThat(out.payers()).hasSize(3).allSatisfy(p -> assertThat(p.reconciled()).isTrue());
      assertThat(h.rows("SELECT * FROM healthcare.claims_clean")).hasSize(10);
      assertThat(h.rows("SELECT * FROM healthcare.claims_quarantined")).hasSize(10);
      assertThat(h.rows(GOLD)).isNotEmpty();
      for (var t : Tables.ALL) {
        assertThat(h.lake.branches(t.id())).as(t.id().toString()).isEmpty();
      }
      assertThatThrownBy(() -> h.runner().resume(runId)).hasMessageContaining("only a failed or cancelled run resumes");
    }
  }

  @Test
  void aRunCancelledDuringASparkJobEndsCancelledAndResumesToTheEnd(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      PipelineRunner[] runner = new PipelineRunner[1];
      PipelineListener cancelInTransform = new PipelineListener() {
        @Override
        public void attemptStarted(PipelineTask t, int attempt) {
          if (t == PipelineTask.TRANSFORM) {
            runner[0].cancel(h.runs.currentHolder().orElseThrow());
            // what Spark does to the job of a cancelled job group: a checked SparkException, undeclared
            OrchestrationTest.<RuntimeException>sneakyThrow(new Exception("Job 7 cancelled part of cancelled job group"));
          }
        }
      };
      runner[0] = runner(h, cancelInTransform, RetryPolicy.NONE, Sleeper.SYSTEM);
      PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
          () -> runner[0].runNow(h.landingRoot, "api"));
      String runId = e.runId();
      assertThat(h.runs.get(runId).orElseThrow().summary().state()).isEqualTo(RunState.CANCELLED);
      assertThat(h.runs.get(runId).orElseThrow().summary().error()).isEqualTo("cancelled during transform");
      assertThat(h.runs.currentHolder()).isEmpty();

      // the resume is not cancelled by the earlier request
      RunOutcome out = runner(h, PipelineListener.NONE, RetryPolicy.NONE, Sleeper.SYSTEM).resume(runId);
      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.runs.log().events(runId)).extracting(RunEvent::kind).containsExactly("cancel_requested", "resumed");
      assertThat(h.runs.log().cancelRequested(runId)).isFalse();
      assertThat(h.rows("SELECT * FROM healthcare.claims_clean")).hasSize(10);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void taskByTaskInSeparateRunnersGivesTheSameTablesAsOneRun(@TempDir Path home, @TempDir Path other) {
    List<String> expected;
    try (PipelineHarness h = new PipelineHarness(other, 0.6, Map.of())) {
      h.land("b1");
      h.run();
      expected = List.of(String.join("\n", h.lines(CLEAN)), String.join("\n", h.lines(QUARANTINE)),
          String.join("\n", h.lines(GOLD)), String.join("\n", h.lines(QUALITY)));
    }
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      String runId = h.runner().begin(h.landingRoot, "airflow");
      assertThatThrownBy(() -> h.runner().runTask(runId, PipelineTask.GATE))
          .hasMessage("Invalid task order: gate needs ingest of run " + runId + " to succeed first (it is pending)");
      RunOutcome last = null;
      for (PipelineTask t : PipelineTask.values()) {
        last = h.runner().runTask(runId, t); // a new runner each time, as a new process would have
        assertThat(last.state()).isEqualTo(t == PipelineTask.PUBLISH ? RunState.SUCCEEDED : RunState.RUNNING);
      }
      assertThat(h.runs.currentHolder()).isEmpty();
      assertThat(h.runner().runTask(runId, PipelineTask.PUBLISH).state()).isEqualTo(RunState.SUCCEEDED); // no-op
      assertThat(h.runs.log().attemptCounts(runId).values()).containsOnly(1);
      assertThat(List.of(String.join("\n", h.lines(CLEAN)), String.join("\n", h.lines(QUARANTINE)),
          String.join("\n", h.lines(GOLD)), String.join("\n", h.lines(QUALITY)))).isEqualTo(expected);
    }
  }

  @Test
  void backfillOfOneBatchGivesTheSameTables(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.run();
      h.land("b2");
      h.run();
      List<String> before = List.of(String.join("\n", h.lines(CLEAN)), String.join("\n", h.lines(QUARANTINE)),
          String.join("\n", h.lines(GOLD)), String.join("\n", h.lines(QUALITY)));

      PipelineRunner r = h.runner();
      RunOutcome out = r.run(r.begin(h.landingRoot, "backfill", List.of("b1")), h.landingRoot);

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.stats()).extracting(s -> s.payer() + "/" + s.batchId())
          .containsExactlyInAnyOrder("Aetna/b1", "BlueCross/b1", "UnitedHealth/b1");
      assertThat(List.of(String.join("\n", h.lines(CLEAN)), String.join("\n", h.lines(QUARANTINE)),
          String.join("\n", h.lines(GOLD)), String.join("\n", h.lines(QUALITY)))).isEqualTo(before);
      assertThat(h.runs.get(out.runId()).orElseThrow().tasks().get(0).detail())
          .startsWith("backfill: no landing file read; 3 batch(es) re-processed from bronze");
      assertThatThrownBy(() -> h.runner().begin(h.landingRoot, "backfill", List.of("Aetna/b9")))
          .hasMessageContaining("Invalid backfill batch(es) (not in bronze; use payer/batch_id or batch_id): Aetna/b9");
    }
  }
}
