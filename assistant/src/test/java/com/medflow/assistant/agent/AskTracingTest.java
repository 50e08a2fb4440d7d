package com.medflow.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.retrieval.Retriever;
import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spans of an answer whose first SQL fails in the engine: that executor step and its SQL are errors. */
class AskTracingTest {
  /**
   * An LLM whose first SQL passes the guard and fails in Spark (ANSI casts refuse 'Aetna' as an INT) and whose
   * second, written with the error fed back, runs. (Only one failure: a failed query keeps its place among the
   * user's running queries until its tasks have stopped, and query.max-concurrent-per-user is 2.)
   */
  private static final class FailsOnce implements SqlWriter {
    @Override
    public String name() {
      return "fails-once";
    }

    @Override
    public Draft write(String question, List<Retriever.Hit> context, String conversationSql, List<String> errors) {
      return errors.isEmpty() ? new Draft("SELECT CAST(payer AS INT) AS n FROM healthcare.claims_clean", "casts")
          : new Draft("SELECT payer, count(*) AS claims FROM healthcare.claims_clean GROUP BY payer", "counts");
    }
  }

  @Test
  void sqlThatFailsInTheEngineLeavesAnErrorExecutorStepWithAnErrorSqlSpanAndTheRetryAnswers(@TempDir Path home) {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
        .build(); AssistantHarness h = new AssistantHarness(home, provider.get(Tracing.SCOPE))) {
      Answer a = h.ask(h.ask(Optional.of(new FailsOnce())), "claims by payer");
      assertThat(a.status()).isEqualTo(Answer.OK);

      List<SpanData> done = spans.getFinishedSpanItems();
      SpanData ask = done.stream().filter(s -> s.getName().equals(Tracing.ASK_SPAN)).findFirst().orElseThrow();
      assertThat(ask.getAttributes().get(Tracing.STATUS)).isEqualTo(Answer.OK);
      assertThat(ask.getAttributes().get(Tracing.QUESTION_ID)).isEqualTo(a.answerId());
      List<SpanData> executors = done.stream()
          .filter(s -> s.getName().equals(Tracing.STEP_SPAN + " executor")).toList();
      long tracedExecutors = a.trace().stream().filter(e -> e.agent().equals("executor")).count();
      assertThat(executors).as("one span per executor entry of the trace").hasSize((int) tracedExecutors);
      assertThat(executors).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(ask.getSpanId()));

      List<SpanData> failed = executors.stream().filter(s -> "error".equals(s.getAttributes().get(Tracing.STATUS)))
          .toList();
      assertThat(failed).hasSize(1);
      for (SpanData step : failed) {
        assertThat(step.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        SpanData sql = done.stream().filter(s -> s.getParentSpanId().equals(step.getSpanId())).findFirst()
            .orElseThrow();
        assertThat(sql.getName()).isEqualTo(Tracing.SQL_SPAN);
        assertThat(sql.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(sql.getAttributes().get(Tracing.DB_STATEMENT)).contains("CAST(payer AS INT)");
        assertThat(sql.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
      }
      SpanData answered = executors.get(executors.size() - 1);
      assertThat(answered.getAttributes().get(Tracing.STATUS)).isEqualTo("ok");
      assertThat(answered.getAttributes().get(Tracing.CACHE_HIT)).isFalse();
    }
  }
}
