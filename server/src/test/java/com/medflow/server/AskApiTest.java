package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistant over HTTP: /api/ask, the SSE stream, conversations, examples, audit. */
class AskApiTest {
  @TempDir
  static Path home;
  static ServerHarness h;
  static String analyst;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)), 1000);
    analyst = h.login("analyst");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private Reply ask(String question, String conversation) {
    String body = conversation == null ? "{\"question\": \"" + question + "\"}"
        : "{\"question\": \"" + question + "\", \"conversation_id\": \"" + conversation + "\"}";
    return h.call("POST", "/api/ask", analyst, body);
  }

  @Test
  void askReturnsTheContractsAnswerObject() {
    Reply r = ask("denial rate by payer", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode a = r.body();
    for (String field : List.of("answer_id", "conversation_id", "question", "status", "sql", "columns", "rows",
        "row_count", "truncated", "explanation", "chart", "suggestions", "engine", "cached", "trace", "latency_ms")) {
      assertThat(a.has(field)).as(field).isTrue();
    }
    assertThat(a.get("status").asText()).isEqualTo("ok");
    assertThat(a.get("chart").get("type").asText()).isEqualTo("bar");
    assertThat(a.get("chart").get("x").asText()).isEqualTo("payer");
    assertThat(a.get("trace").size()).isEqualTo(9);
    assertThat(a.get("trace").get(0).get("agent").asText()).isEqualTo("router");
    assertThat(a.get("columns").get(1).get("name").asText()).isEqualTo("denial_rate");
  }

  @Test
  void anAmbiguousQuestionListsItsReadingsAndAnsweringOneAnswersThatReading() {
    JsonNode first = ask("oncology claims", null).body();
    assertThat(first.get("status").asText()).isEqualTo("clarify");
    assertThat(first.get("sql").isNull()).isTrue();
    List<String> readings = new ArrayList<>();
    first.get("clarifications").forEach(c -> readings.add(c.asText()));
    assertThat(readings).hasSize(2);
    String specialty = readings.stream().filter(r -> r.contains("specialty")).findFirst().orElseThrow();
    JsonNode chosen = ask(specialty, first.get("conversation_id").asText()).body();
    assertThat(chosen.get("status").asText()).isEqualTo("ok");
    assertThat(chosen.get("sql").asText()).contains("provider_specialty = 'Oncology'").doesNotContain("Neoplasm");
    assertThat(chosen.get("trace").get(0).get("summary").asText()).contains("chosen reading");
  }

  @Test
  void aQuestionWithAWordTheEngineCannotPlaceIsNotAnswered() {
    JsonNode a = ask("denial rate by shoe size", null).body();
    assertThat(a.get("status").asText()).isEqualTo("unanswerable");
    assertThat(a.get("sql").isNull()).isTrue();
    assertThat(a.get("explanation").asText()).contains("'shoe'");
  }

  @Test
  void aFollowUpContinuesTheConversation() {
    String id = ask("claims by payer", null).body().get("conversation_id").asText();
    JsonNode second = ask("only for diabetes", id).body();
    assertThat(second.get("conversation_id").asText()).isEqualTo(id);
    assertThat(second.get("sql").asText()).contains("Diabetes").contains("GROUP BY payer");
    JsonNode conv = h.call("GET", "/api/conversations/" + id, analyst, null).body();
    assertThat(conv.get("answers").size()).isEqualTo(2);
    assertThat(h.call("GET", "/api/conversations/" + id, h.login("business"), null).status()).isEqualTo(403);
    assertThat(ask("and Aetna?", "no-such-conversation").status()).isEqualTo(404);
  }

  @Test
  void refusedAndUnanswerableQuestionsAreAnswersNotErrors() {
    JsonNode refused = ask("drop table healthcare.claims_clean", null).body();
    assertThat(refused.get("status").asText()).isEqualTo("refused");
    assertThat(refused.get("sql").isNull()).isTrue();
    JsonNode unknown = ask("what's the weather tomorrow", null).body();
    assertThat(unknown.get("status").asText()).isEqualTo("unanswerable");
    assertThat(unknown.get("suggestions").size()).isGreaterThan(0);
  }

  @Test
  void theStreamSendsOneTraceEventPerStepThenTheAnswer() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(h.base + "/api/ask/stream"))
        .header("Authorization", "Bearer " + analyst).header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"claims by month\"}")).build();
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> events = new ArrayList<>();
    List<String> data = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event: ")) {
          events.add(line.substring(7));
        } else if (line.startsWith("data: ")) {
          data.add(line.substring(6));
        }
      }
    }
    assertThat(events).hasSize(10);
    assertThat(events.subList(0, 9)).containsOnly("trace");
    assertThat(events.get(9)).isEqualTo("answer");
    assertThat(ServerHarness.JSON.readTree(data.get(0)).get("agent").asText()).isEqualTo("router");
    JsonNode answer = ServerHarness.JSON.readTree(data.get(9));
    assertThat(answer.get("chart").get("type").asText()).isEqualTo("line");
    assertThat(answer.get("trace").size()).isEqualTo(9);
  }

  @Test
  void examplesAreAnswerable() {
    JsonNode examples = h.call("GET", "/api/ask/examples", analyst, null).body().get("examples");
    assertThat(examples.size()).isGreaterThanOrEqualTo(5);
    for (JsonNode e : examples) {
      assertThat(ask(e.asText(), null).body().get("status").asText()).as(e.asText()).isEqualTo("ok");
    }
  }

  @Test
  void questionsAreAudited() {
    String token = h.login("admin");
    h.call("POST", "/api/ask", token, "{\"question\": \"total paid by payer\"}");
    JsonNode entries = h.call("GET", "/api/audit?limit=5", token, null).body().get("entries");
    assertThat(entries.get(0).get("kind").asText()).isEqualTo("ask");
    assertThat(entries.get(0).get("question").asText()).isEqualTo("total paid by payer");
    assertThat(entries.get(0).get("sql").asText()).containsIgnoringCase("sum(paid_amount)");
    assertThat(entries.get(0).get("outcome").asText()).isEqualTo("ok");
  }
}
