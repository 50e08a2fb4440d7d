package com.medflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunDetail;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.RunStore;
import com.medflow.store.runs.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunStoreTest extends BothDatabases {
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void recordsARunWithTasksPayerResultsAndOutcome(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      RunStore runs = new RunStore(db);
      Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
      String id = "run-" + name + "-1";
      runs.start(id, "cli", "/landing", List.of("ingest", "verify_bronze", "transform"), t0);
      runs.taskStarted(id, "ingest", t0);
      runs.taskFinished(id, "ingest", TaskState.SUCCEEDED, 1200L, "3 files", t0.plusMillis(1500));
      runs.taskStarted(id, "verify_bronze", t0.plusMillis(1500));
      runs.payerResults(id, List.of(new PayerResult("Aetna", "b1", "aetna/b1.csv", 400, 390, 10, 0.025, 0.1, true, true)));
      runs.finish(id, RunState.FAILED, null, 3, 1200, 0, 0, "boom", t0.plusSeconds(3));

      RunDetail d = runs.get(id).orElseThrow();
      assertThat(d.summary().state()).isEqualTo(RunState.FAILED);
      assertThat(d.summary().durationMs()).isEqualTo(3000L);
      assertThat(d.summary().error()).isEqualTo("boom");
      assertThat(d.summary().gatePassed()).isNull();
      assertThat(d.tasks()).extracting(t -> t.name() + ":" + t.state())
          .containsExactly("ingest:SUCCEEDED", "verify_bronze:FAILED", "transform:SKIPPED");
      assertThat(d.tasks().get(0).durationMs()).isEqualTo(1500L);
      assertThat(d.tasks().get(0).rows()).isEqualTo(1200L);
      assertThat(d.payers()).singleElement().satisfies(p -> {
        assertThat(p.unaccounted()).isZero();
        assertThat(p.quarantineRate()).isEqualTo(0.025);
      });
      assertThat(runs.list(10)).extracting(r -> r.runId()).contains(id);
      assertThat(runs.get("nope")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void onlyOneRunHoldsTheLockUntilItGoesStale(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      RunStore runs = new RunStore(db);
      Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
      runs.start("a-" + name, "cli", null, List.of("ingest"), t0);
      assertThat(runs.tryLock("a-" + name, t0, Duration.ofHours(6))).isEmpty();
      assertThat(runs.tryLock("b-" + name, t0.plusSeconds(60), Duration.ofHours(6))).contains("a-" + name);
      assertThat(runs.tryLock("c-" + name, t0.plus(Duration.ofHours(7)), Duration.ofHours(6))).isEmpty();
      assertThat(runs.get("a-" + name).orElseThrow().summary().state()).isEqualTo(RunState.FAILED);
      runs.unlock("c-" + name);
      assertThat(runs.currentHolder()).isEmpty();
    }
  }
}
