package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.config.OrchestrationConfig;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryTest {
  @Test
  void withoutAnEndpointTheTracerIsTheNoOpOneAndNothingIsExported(@TempDir Path home) {
    try (Telemetry t = Telemetry.open(MedflowConfig.forHome(home, Map.of()).orchestration().telemetry())) {
      assertThat(t.exporting()).isFalse();
      assertThat(t.tracer()).isSameAs(Tracing.NOOP);
      Span span = t.tracer().spanBuilder("x").startSpan();
      assertThat(span.isRecording()).isFalse();
      assertThat(span.getSpanContext().isValid()).isFalse();
      span.end();
    }
  }

  @Test
  void withAnEndpointSpansAreRecordedForExport(@TempDir Path home) {
    OrchestrationConfig.Telemetry config = MedflowConfig.forHome(home, Map.of("otel.endpoint",
        "http://127.0.0.1:4318")).orchestration().telemetry();
    try (Telemetry t = Telemetry.open(config)) {
      assertThat(t.exporting()).isTrue();
      Span span = t.tracer().spanBuilder("x").startSpan(); // not ended: nothing is sent to the absent collector
      assertThat(span.isRecording()).isTrue();
      assertThat(span.getSpanContext().isValid()).isTrue();
    }
  }

  @Test
  void exportedSpansCarryTheConfiguredServiceName() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (Telemetry t = Telemetry.withProcessor("medflow-test", SimpleSpanProcessor.create(exporter))) {
      t.tracer().spanBuilder("x").startSpan().end();
      SpanData span = exporter.getFinishedSpanItems().get(0); // read before close: shutting down clears the exporter
      assertThat(span.getResource().getAttribute(Telemetry.SERVICE_NAME)).isEqualTo("medflow-test");
      assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo(Tracing.SCOPE);
    }
  }

  @Test
  void theTracesPathIsAddedToTheCollectorsBaseUrlOnce() {
    assertThat(Telemetry.tracesUrl(URI.create("http://collector:4318"))).isEqualTo("http://collector:4318/v1/traces");
    assertThat(Telemetry.tracesUrl(URI.create("http://collector:4318/"))).isEqualTo("http://collector:4318/v1/traces");
    assertThat(Telemetry.tracesUrl(URI.create("https://c.example/v1/traces"))).isEqualTo("https://c.example/v1/traces");
  }
}
