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
  void closingSendsTheEndedSpansToTheCollectorAsOtlpHttpProtobuf(@TempDir Path home) throws Exception {
    java.util.List<String> contentTypes = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer collector = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      OrchestrationConfig.Telemetry config = MedflowConfig.forHome(home, Map.of("otel.endpoint",
          "http://127.0.0.1:" + collector.getAddress().getPort(), "otel.service-name", "medflow-e2e"))
          .orchestration().telemetry();
      try (Telemetry t = Telemetry.open(config)) {
        t.tracer().spanBuilder("pipeline.run").setAttribute(Tracing.RUN_ID, "run-42").startSpan().end();
      }
    } finally {
      collector.stop(0);
    }
    assertThat(contentTypes).containsExactly("application/x-protobuf");
    String body = new String(bodies.get(0), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(body).contains("pipeline.run").contains("run-42").contains("medflow-e2e");
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
