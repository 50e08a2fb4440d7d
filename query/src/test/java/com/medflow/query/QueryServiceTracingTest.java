package com.medflow.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.query.engine.EngineQuery;
import com.medflow.query.engine.QueryEngine;
import com.medflow.query.engine.QueryFailedException;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.QueryCaller;
import com.medflow.query.run.RunningQueries;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryServiceTracingTest {
  private static final String SQL = "SELECT payer FROM healthcare.claims_clean";
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  /** An engine that answers two rows, or fails every statement when {@code failure} is set. */
  private record FixedEngine(String name, Optional<String> failure) implements QueryEngine {
    @Override
    public QueryResult execute(EngineQuery query) {
      query.handle().ended();
      if (failure.isPresent()) {
        throw new QueryFailedException(failure.get(), new IllegalStateException(failure.get()));
      }
      return new QueryResult(List.of(new ResultColumn("payer", "string")), List.of(List.of("Aetna"),
          List.of("BlueCross")), false, 3);
    }

    @Override
    public void ping() {}
  }

  private QueryService service(Path home, QueryEngine engine) {
    MedflowConfig.Query limits = MedflowConfig.forHome(home, Map.of()).query();
    return new QueryService(limits, engine, Optional.empty(), new MemoryResultCache(100, Duration.ofMinutes(5)),
        Map::of, new RunningQueries(limits.maxConcurrent(), limits.maxConcurrentPerUser(), Clock.systemUTC()),
        provider.get(Tracing.SCOPE));
  }

  @Test
  void aStatementIsOneClientSpanWithEngineCheckedSqlRowsAndQueryId(@TempDir Path home) {
    QueryService queries = service(home, new FixedEngine("spark", Optional.empty()));
    SqlAnswer a = queries.run(SQL, QueryCaller.of("ana", Role.ANALYST, "sql"), OptionalInt.of(10));

    List<SpanData> done = spans.getFinishedSpanItems();
    assertThat(done).hasSize(1);
    SpanData span = done.get(0);
    assertThat(span.getName()).isEqualTo(Tracing.SQL_SPAN);
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(Tracing.DB_SYSTEM)).isEqualTo("spark");
    assertThat(span.getAttributes().get(Tracing.DB_STATEMENT)).isEqualTo(a.sql()).contains("LIMIT");
    assertThat(span.getAttributes().get(Tracing.ROWS)).isEqualTo(2L);
    assertThat(span.getAttributes().get(Tracing.CACHE_HIT)).isFalse();
    assertThat(span.getAttributes().get(Tracing.QUERY_ID)).isNotBlank();
    assertThat(span.getAttributes().get(Tracing.USER)).isEqualTo("ana");
  }

  @Test
  void aRepeatAnsweredFromTheCacheIsMarkedAsACacheHit(@TempDir Path home) {
    QueryService queries = service(home, new FixedEngine("trino", Optional.empty()));
    queries.run(SQL, QueryCaller.of("ana", Role.ANALYST, "sql"), OptionalInt.of(10));
    queries.run(SQL, QueryCaller.of("ana", Role.ANALYST, "sql"), OptionalInt.of(10));

    List<SpanData> done = spans.getFinishedSpanItems();
    assertThat(done).extracting(s -> s.getAttributes().get(Tracing.CACHE_HIT)).containsExactly(false, true);
    assertThat(done).extracting(s -> s.getAttributes().get(Tracing.DB_SYSTEM)).containsOnly("trino");
  }

  @Test
  void aFailingStatementEndsItsSpanWithErrorAndTheException(@TempDir Path home) {
    QueryService queries = service(home, new FixedEngine("spark", Optional.of("Table or view not found")));
    assertThatThrownBy(() -> queries.run(SQL, QueryCaller.of("ana", Role.ANALYST, "sql"), OptionalInt.of(10)))
        .isInstanceOf(QueryFailedException.class);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("Table or view not found");
    assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    assertThat(span.getAttributes().get(Tracing.DB_STATEMENT)).startsWith("SELECT");
    assertThat(span.getAttributes().get(Tracing.ROWS)).isNull();
  }

  @Test
  void aRefusedStatementIsAnErrorSpanWithoutQueryText(@TempDir Path home) {
    QueryService queries = service(home, new FixedEngine("spark", Optional.empty()));
    assertThatThrownBy(() -> queries.run("DELETE FROM healthcare.claims_clean", QueryCaller.of("ana", Role.ANALYST,
        "sql"), OptionalInt.of(10))).isInstanceOf(SqlRefusedException.class);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(Tracing.DB_STATEMENT)).isNull();
  }
}
