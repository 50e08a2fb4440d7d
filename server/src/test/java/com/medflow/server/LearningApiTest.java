package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.testing.ServerHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified answers, feedback, the missed-questions report and model reload over HTTP. */
class LearningApiTest {
  @TempDir
  static Path home;
  static ServerHarness h;
  static String analyst;
  static String business;
  static String admin;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)), 1000);
    analyst = h.login("analyst");
    business = h.login("business");
    admin = h.login("admin");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private JsonNode ask(String token, String question) {
    ServerHarness.Reply r = h.call("POST", "/api/ask", token, "{\"question\": \"" + question + "\"}");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  @Test
  void anAnalystVerifiesEditsAndRemovesAndABusinessUsersParaphraseShowsTheMark() {
    JsonNode a = ask(analyst, "approval rate by payer");
    assertThat(a.get("verified").isNull()).isTrue();
    assertThat(a.get("notes").get(0).get("kind").asText()).isEqualTo("quarantine");
    assertThat(h.call("POST", "/api/verified", business, "{\"answer_id\": \"" + a.get("answer_id").asText() + "\"}")
        .status()).isEqualTo(403);
    ServerHarness.Reply v = h.call("POST", "/api/verified", analyst, "{\"answer_id\": \"" + a.get("answer_id").asText()
        + "\", \"note\": \"ok\"}");
    assertThat(v.status()).isEqualTo(201);
    String id = v.body().get("id").asText();
    assertThat(v.body().get("verified_by").asText()).isEqualTo("analyst");
    assertThat(v.body().get("semantic_query").get("source").asText()).isEqualTo("CLAIMS");
    JsonNode p = ask(business, "what is the approval rate for each payer?");
    assertThat(p.get("verified").get("verified_by").asText()).isEqualTo("analyst");
    assertThat(p.get("verified").get("id").asText()).isEqualTo(id);
    ServerHarness.Reply edited = h.call("PATCH", "/api/verified/" + id, analyst,
        "{\"question\": \"Approval rate per payer\", \"note\": \"checked\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(h.call("GET", "/api/verified", analyst, null).body().get("verified").get(0).get("note").asText())
        .isEqualTo("checked");
    assertThat(h.call("DELETE", "/api/verified/" + id, analyst, null).status()).isEqualTo(204);
    assertThat(h.call("DELETE", "/api/verified/" + id, analyst, null).status()).isEqualTo(404);
    assertThat(ask(business, "what is the approval rate for each payer?").get("verified").isNull()).isTrue();
    JsonNode unanswered = ask(analyst, "approval rate by zodiac sign");
    ServerHarness.Reply refused = h.call("POST", "/api/verified", analyst, "{\"answer_id\": \""
        + unanswered.get("answer_id").asText() + "\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error()).isEqualTo("NOT_VERIFIABLE");
  }

  @Test
  void thumbsDownAndUnanswerableQuestionsAreGroupedOnTheAdminReport() {
    JsonNode a = ask(business, "denial rate by horoscope");
    assertThat(a.get("status").asText()).isEqualTo("unanswerable");
    assertThat(a.get("leftover_words").toString()).contains("horoscope");
    assertThat(h.call("POST", "/api/feedback", analyst, "{\"answer_id\": \"" + a.get("answer_id").asText()
        + "\", \"rating\": \"down\"}").status()).isEqualTo(403);
    assertThat(h.call("POST", "/api/feedback", business, "{\"answer_id\": \"" + a.get("answer_id").asText()
        + "\", \"rating\": \"meh\"}").status()).isEqualTo(400);
    ServerHarness.Reply f = h.call("POST", "/api/feedback", business, "{\"answer_id\": \"" + a.get("answer_id").asText()
        + "\", \"rating\": \"down\", \"comment\": \"please add horoscopes\"}");
    assertThat(f.status()).isEqualTo(201);
    assertThat(h.call("GET", "/api/feedback/missed", business, null).status()).isEqualTo(403);
    JsonNode r = h.call("GET", "/api/feedback/missed", admin, null).body();
    boolean down = false;
    boolean missed = false;
    for (JsonNode g : r.get("groups")) {
      if (g.get("question").asText().equals("denial rate by horoscope")) {
        down |= g.get("kind").asText().equals("thumbs_down") && g.get("comments").toString().contains("please add");
        missed |= g.get("kind").asText().equals("unanswerable") && g.get("count").asLong() == 1
            && g.get("leftover_words").toString().contains("horoscope");
      }
    }
    assertThat(down).isTrue();
    assertThat(missed).isTrue();
    assertThat(r.get("leftover_words").toString()).contains("horoscope");
  }

  @Test
  void anAdminReloadsTheSemanticModelWithoutARestart() {
    assertThat(h.call("POST", "/api/semantic/reload", analyst, null).status()).isEqualTo(403);
    ServerHarness.Reply r = h.call("POST", "/api/semantic/reload", admin, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("metrics").asInt()).isPositive();
    assertThat(ask(analyst, "denial rate by payer").get("status").asText()).isEqualTo("ok");
  }
}
