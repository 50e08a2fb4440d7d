package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.testing.Polling;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans of requests over HTTP: request → ask → agent steps → SQL, exported to memory. */
class TracingApiTest {
  @TempDir
  static Path home;
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  static SdkTracerProvider provider;
  static ServerHarness h;
  static String analyst;

  @BeforeAll
  static void start() {
    provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build();
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)), 1000,
        provider.get(Tracing.SCOPE));
    analyst = h.login("analyst");
  }

  @AfterAll
  static void stop() {
    h.close();
    provider.close();
  }

  @BeforeEach
  void forgetEarlierSpans() {
    SPANS.reset();
  }

  /** The finished spans once one named {@code name} (the request's, which ends last) is among them. */
  private static List<SpanData> spansUntil(String name) {
    return Polling.until(Duration.ofSeconds(10), SPANS::getFinishedSpanItems,
        spans -> spans.stream().anyMatch(s -> s.getName().equals(name)));
  }

  private static SpanData only(List<SpanData> spans, Predicate<SpanData> which) {
    List<SpanData> found = spans.stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<SpanData> childrenOf(List<SpanData> spans, SpanData parent) {
    return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
  }

  @Test
  void askingOverHttpNestsTheAskSpanItsStepsAndTheSqlUnderTheRequestSpan() {
    Reply r = h.call("POST", "/api/ask", analyst, "{\"question\": \"denial rate by payer\"}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode answer = r.body();
    List<SpanData> spans = spansUntil("POST /api/ask");

    SpanData http = only(spans, s -> s.getName().equals("POST /api/ask"));
    assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(http.getParentSpanContext().isValid()).isFalse();
    assertThat(http.getAttributes().get(Tracing.HTTP_METHOD)).isEqualTo("POST");
    assertThat(http.getAttributes().get(Tracing.HTTP_ROUTE)).isEqualTo("/api/ask");
    assertThat(http.getAttributes().get(Tracing.HTTP_STATUS)).isEqualTo(200L);
    assertThat(http.getAttributes().get(Tracing.USER)).isEqualTo("analyst");
    assertThat(http.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData ask = only(childrenOf(spans, http), s -> s.getName().equals(Tracing.ASK_SPAN));
    assertThat(ask.getTraceId()).isEqualTo(http.getTraceId());
    assertThat(ask.getAttributes().get(Tracing.QUESTION_ID)).isEqualTo(answer.get("answer_id").asText());
    assertThat(ask.getAttributes().get(Tracing.STATUS)).isEqualTo("ok");

    List<SpanData> steps = childrenOf(spans, ask).stream()
        .filter(s -> s.getName().startsWith(Tracing.STEP_SPAN + " ")).toList();
    List<String> agents = new ArrayList<>();
    answer.get("trace").forEach(t -> agents.add(t.get("agent").asText()));
    assertThat(steps).extracting(s -> s.getAttributes().get(Tracing.STEP)).containsExactlyElementsOf(agents);
    assertThat(steps).allSatisfy(s -> {
      assertThat(s.getName()).isEqualTo(Tracing.STEP_SPAN + " " + s.getAttributes().get(Tracing.STEP));
      assertThat(s.getAttributes().get(Tracing.QUESTION_ID)).isEqualTo(answer.get("answer_id").asText());
      assertThat(s.getAttributes().get(Tracing.STATUS)).isEqualTo("ok");
    });

    SpanData executor = only(steps, s -> "executor".equals(s.getAttributes().get(Tracing.STEP)));
    assertThat(executor.getAttributes().get(Tracing.CACHE_HIT)).isEqualTo(answer.get("cached").asBoolean());
    SpanData sql = only(childrenOf(spans, executor), s -> s.getName().equals(Tracing.SQL_SPAN));
    assertThat(sql.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(sql.getAttributes().get(Tracing.DB_SYSTEM)).isEqualTo("spark");
    assertThat(sql.getAttributes().get(Tracing.DB_STATEMENT)).contains("claims_clean").contains("LIMIT");
    assertThat(sql.getAttributes().get(Tracing.ROWS)).isEqualTo(answer.get("row_count").asLong());
    assertThat(sql.getAttributes().get(Tracing.QUERY_ID)).isNotBlank();
    assertThat(sql.getAttributes().get(Tracing.CACHE_HIT)).isEqualTo(answer.get("cached").asBoolean());
  }

  @Test
  void aRefusedStatementOverHttpIsAnErrorSqlSpanUnderAClientErrorRequestSpan() {
    Reply r = h.sql(analyst, "SELECT no_such_column FROM healthcare.claims_clean");
    assertThat(r.status()).isBetween(400, 499);
    List<SpanData> spans = spansUntil("POST /api/sql");

    SpanData http = only(spans, s -> s.getName().equals("POST /api/sql"));
    assertThat(http.getAttributes().get(Tracing.HTTP_STATUS)).isEqualTo((long) r.status());
    assertThat(http.getStatus().getStatusCode()).as("a 4xx is the client's error, not the server's")
        .isEqualTo(StatusCode.UNSET);
    assertThat(http.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    SpanData sql = only(childrenOf(spans, http), s -> s.getName().equals(Tracing.SQL_SPAN));
    assertThat(sql.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(sql.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }

  @Test
  void aRequestStoppedBeforeItsEndpointIsTracedUnderTheFilterRouteWithItsPathAndStatus() {
    Reply r = h.call("GET", "/api/tables", null, null);
    assertThat(r.status()).isEqualTo(401);
    SpanData http = only(spansUntil("GET /api/*"), s -> s.getName().equals("GET /api/*"));
    assertThat(http.getAttributes().get(Tracing.URL_PATH)).isEqualTo("/api/tables");
    assertThat(http.getAttributes().get(Tracing.HTTP_STATUS)).isEqualTo(401L);
    assertThat(http.getAttributes().get(Tracing.USER)).isNull();
    assertThat(http.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }
}
