package com.medflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.store.runs.RunEvent;
import com.medflow.store.runs.RunLog;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.RunStore;
import com.medflow.store.runs.TaskState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunLogTest extends BothDatabases {
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void recordsAttemptsOutputsAndEventsAndReopensAFailedRun(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      RunStore runs = new RunStore(db);
      RunLog log = runs.log();
      Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
      String id = "run-log-" + name;
      runs.start(id, "schedule", "/landing", List.of("ingest", "transform", "publish"), t0);
      runs.taskFinished(id, "ingest", TaskState.SUCCEEDED, 5L, "ok", t0);
      assertThat(log.attemptStarted(id, "ingest", t0)).isEqualTo(1);
      log.attemptFinished(id, "ingest", 1, TaskState.SUCCEEDED, null, t0.plusSeconds(1));
      assertThat(log.attemptStarted(id, "transform", t0)).isEqualTo(1);
      log.attemptFinished(id, "transform", 1, TaskState.FAILED, "boom", t0.plusSeconds(2));
      assertThat(log.attemptStarted(id, "transform", t0)).isEqualTo(2);
      log.abandonRunning(id, "process died", t0.plusSeconds(3));
      log.saveOutput(id, "ingest", "{\"a\":1}");
      log.saveOutput(id, "ingest", "{\"a\":2}");
      runs.finish(id, RunState.FAILED, null, 1, 5, 0, 0, "transform failed", t0.plusSeconds(3));

      assertThat(log.attempts(id)).extracting(a -> a.task() + "#" + a.attempt() + ":" + a.state() + ":" + a.error())
          .containsExactly("ingest#1:SUCCEEDED:null", "transform#1:FAILED:boom", "transform#2:FAILED:process died");
      assertThat(log.attemptCounts(id)).containsExactly(java.util.Map.entry("ingest", 1), java.util.Map.entry("transform", 2));
      assertThat(log.output(id, "ingest")).contains("{\"a\":2}");
      assertThat(log.output(id, "transform")).isEmpty();

      log.reopen(id);
      log.event(id, RunEvent.RESUMED, "from transform", t0.plusSeconds(4));
      var d = runs.get(id).orElseThrow();
      assertThat(d.summary().state()).isEqualTo(RunState.RUNNING);
      assertThat(d.summary().error()).isNull();
      assertThat(d.summary().trigger()).isEqualTo("schedule");
      assertThat(d.tasks()).extracting(t -> t.name() + ":" + t.state())
          .containsExactly("ingest:SUCCEEDED", "transform:PENDING", "publish:PENDING");
      assertThat(log.events(id)).extracting(RunEvent::kind, RunEvent::detail)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("resumed", "from transform"));
      assertThat(log.hasEvent(id, RunEvent.RESUMED)).isTrue();
      assertThat(log.hasEvent(id, RunEvent.CANCEL_REQUESTED)).isFalse();
    }
  }
}
