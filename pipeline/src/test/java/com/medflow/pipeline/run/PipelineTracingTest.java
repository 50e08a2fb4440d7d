package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskRecord;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is one pipeline.run span with one pipeline.task child per task, carrying the run id and row counts. */
class PipelineTracingTest {
  @Test
  void aRunExportsARunSpanWithATaskSpanPerTaskCarryingRunIdAndRows(@TempDir Path home) {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
        .build(); PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      RunOutcome o = h.runner(PipelineListener.NONE, provider.get(Tracing.SCOPE)).runNow(h.landingRoot, "test");
      assertThat(o.state()).isEqualTo(RunState.SUCCEEDED);

      List<SpanData> done = spans.getFinishedSpanItems();
      List<SpanData> runs = done.stream().filter(s -> s.getName().equals("pipeline.run")).toList();
      assertThat(runs).hasSize(1);
      SpanData run = runs.get(0);
      assertThat(run.getParentSpanContext().isValid()).isFalse();
      assertThat(run.getAttributes().get(Tracing.RUN_ID)).isEqualTo(o.runId());
      assertThat(run.getAttributes().get(Tracing.TRIGGER)).isEqualTo("test");
      assertThat(run.getAttributes().get(Tracing.STATE)).isEqualTo(RunState.SUCCEEDED.name());
      assertThat(run.getAttributes().get(Tracing.ROWS)).isEqualTo(o.bronzeRows()).isPositive();

      List<SpanData> tasks = done.stream().filter(s -> s.getName().startsWith("pipeline.task ")).toList();
      assertThat(tasks).extracting(s -> s.getAttributes().get(Tracing.TASK))
          .containsExactlyElementsOf(o.tasks().stream().map(TaskRecord::name).toList());
      assertThat(tasks).allSatisfy(t -> {
        assertThat(t.getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(t.getTraceId()).isEqualTo(run.getTraceId());
        assertThat(t.getAttributes().get(Tracing.RUN_ID)).isEqualTo(o.runId());
        assertThat(t.getAttributes().get(Tracing.STATE)).isEqualTo("SUCCEEDED");
        assertThat(t.getAttributes().get(Tracing.ATTEMPTS)).isEqualTo(1L);
        assertThat(t.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      });
      for (TaskRecord r : o.tasks()) {
        SpanData t = tasks.stream().filter(s -> s.getAttributes().get(Tracing.TASK).equals(r.name())).findFirst()
            .orElseThrow();
        assertThat(t.getAttributes().get(Tracing.ROWS)).as(r.name()).isEqualTo(r.rows());
      }
      assertThat(tasks.get(0).getAttributes().get(Tracing.ROWS)).as("ingest").isEqualTo(o.bronzeRows());
    }
  }
}
