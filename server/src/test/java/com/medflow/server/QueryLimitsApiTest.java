package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.model.Role;
import com.medflow.model.Tables;
import com.medflow.query.cache.ResultCache;
import com.medflow.query.engine.SparkQueryEngine;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One user's expensive query over HTTP: refused for cost with 422, or (when it passes the cost check) timed
 * out with 504 and really stopped, listed in {@code GET /api/queries} while it runs, cancelled by
 * {@code DELETE /api/queries/{id}} or by its client going away; other users answer within 2 s meanwhile.
 * 3,000 extra claims; timeout 4 s; one query per user at a time; results of at most 1 KB.
 */
class QueryLimitsApiTest {
  /** Passes the cost check (an equality join is estimated as its larger side) but makes about 3e9 rows. */
  static final String HEAVY = "SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b"
      + " ON a.payer = b.payer JOIN healthcare.claims_clean c ON b.payer = c.payer";
  static final String SIMPLE = "SELECT COUNT(*) FROM healthcare.claims_clean";

  @TempDir
  static Path home;
  static ServerHarness h;
  static String admin;
  static String analyst;
  static String analyst2;
  static long claims;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of("query.timeout", "PT4S", "query.cancel-grace", "PT10S",
        "query.max-concurrent-per-user", "1", "query.max-result-bytes", "1024"), ResultCache.NONE, 0);
    h.lake.spark.sql("INSERT INTO " + h.lake.lake.qualified(Tables.CLAIMS_CLEAN) + " (claim_id, payer, member_id,"
        + " service_date, billed_amount, paid_amount, claim_status) SELECT concat('X', id), element_at(array('Aetna',"
        + " 'BlueCross', 'UnitedHealth'), CAST(id % 3 AS INT) + 1), concat('M', id), DATE '2025-03-01', 100.00, 80.00,"
        + " 'APPROVED' FROM range(0, 3000, 1, 1)");
    h.accounts.add("analyst2", "analyst2", Role.ANALYST);
    admin = h.login("admin");
    analyst = h.login("analyst");
    analyst2 = h.login("analyst2");
    claims = h.sql(admin, SIMPLE).body().at("/rows/0/0").asLong();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void theTripleCrossJoinIsRefusedWith422SayingWhyAndIsAudited() {
    Reply r = h.sql(analyst, "SELECT count(*) FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b"
        + " CROSS JOIN healthcare.claims_clean c");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error()).isEqualTo("QUERY_TOO_EXPENSIVE");
    assertThat(r.body().at("/error/message").asText()).contains("without an equality condition")
        .contains("query.max-intermediate-rows").contains("Join on a key");
    assertThat(audit("too_expensive")).anySatisfy(e -> assertThat(e.get("sql").asText()).contains("CROSS JOIN"));
    assertSimpleQueryAnswersWithinTwoSeconds(admin);
  }

  @Test
  void aHeavyQueryTimesOutWith504IsListedMeanwhileAndLeavesNothingRunning() throws Exception {
    CompletableFuture<Reply> heavy = CompletableFuture.supplyAsync(() -> sql(analyst, HEAVY, "heavy-timeout-1"));
    JsonNode listed = awaitListed("heavy-timeout-1");
    assertThat(listed.get("username").asText()).isEqualTo("analyst");
    assertThat(listed.get("sql").asText()).contains("a.payer = b.payer");
    assertThat(listed.get("state").asText()).isEqualTo("running");
    assertThat(listed.get("elapsed_ms").asLong()).isNotNegative();
    assertThat(h.call("GET", "/api/queries", analyst2, null).body().get("queries")).as("others' queries").isEmpty();
    assertSimpleQueryAnswersWithinTwoSeconds(admin);

    Reply r = heavy.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(504);
    assertThat(r.error()).isEqualTo("QUERY_TIMEOUT");
    assertThat(r.body().at("/error/message").asText()).startsWith("The query took longer than 4 s and was cancelled.");
    assertNothingRuns("heavy-timeout-1");
    assertThat(audit("timeout")).anySatisfy(e -> assertThat(e.get("detail").asText()).contains("heavy-timeout-1"));
    assertSimpleQueryAnswersWithinTwoSeconds(admin);
  }

  @Test
  void theOwnerCancelsARunningQueryAnotherAnalystMayNot() throws Exception {
    CompletableFuture<Reply> heavy = CompletableFuture.supplyAsync(() -> sql(analyst, HEAVY, "heavy-cancel-1"));
    awaitListed("heavy-cancel-1");
    assertThat(h.call("DELETE", "/api/queries/heavy-cancel-1", analyst2, null).status()).isEqualTo(403);
    Reply del = h.call("DELETE", "/api/queries/heavy-cancel-1", analyst, null);
    assertThat(del.status()).isEqualTo(202);
    assertThat(del.body().get("state").asText()).isEqualTo("cancelling");

    Reply r = heavy.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.error()).isEqualTo("QUERY_CANCELLED");
    assertThat(r.body().at("/error/message").asText()).isEqualTo("The query was cancelled (cancelled by its user)");
    assertNothingRuns("heavy-cancel-1");
    assertThat(audit("cancelled")).anySatisfy(e -> assertThat(e.get("detail").asText()).contains("heavy-cancel-1"));
    assertThat(h.call("DELETE", "/api/queries/heavy-cancel-1", analyst, null).status()).as("gone").isEqualTo(404);
  }

  @Test
  void aQueryWhoseClientClosesTheConnectionIsCancelled() throws Exception {
    URI base = URI.create(h.base);
    String body = ServerHarness.JSON.writeValueAsString(Map.of("sql", HEAVY, "query_id", "heavy-gone-1"));
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = s.getOutputStream();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      out.write(("POST /api/sql HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + analyst
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      awaitListed("heavy-gone-1");
    }
    long t0 = System.nanoTime();
    while (listed("heavy-gone-1") != null && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
      Thread.sleep(50);
    }
    assertThat(listed("heavy-gone-1")).as("cancelled after its client left").isNull();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("well before its 4 s timeout").isLessThan(3_500);
    assertThat(audit("cancelled")).anySatisfy(e -> assertThat(e.get("detail").asText())
        .contains("heavy-gone-1").contains("the client closed the connection"));
  }

  @Test
  void aSecondQueryOfTheSameUserIsAnswered429WhileTheFirstRuns() throws Exception {
    CompletableFuture<Reply> heavy = CompletableFuture.supplyAsync(() -> sql(analyst, HEAVY, "heavy-limit-1"));
    awaitListed("heavy-limit-1");
    Reply r = h.sql(analyst, SIMPLE);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.error()).isEqualTo("TOO_MANY_QUERIES");
    assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
    assertSimpleQueryAnswersWithinTwoSeconds(analyst2);
    h.call("DELETE", "/api/queries/heavy-limit-1", admin, null);
    assertThat(heavy.get(30, TimeUnit.SECONDS).status()).isEqualTo(409);
  }

  @Test
  void anAnswerWhoseSqlIsTooExpensiveIsAClearRefusal() {
    Reply r = h.call("POST", "/api/ask", analyst, "{\"question\":\"What is the denial rate by payer?\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("status").asText()).isEqualTo("refused");
    assertThat(r.body().get("explanation").asText()).contains("query.max-result-bytes");
  }

  private static Reply sql(String token, String sql, String queryId) {
    try {
      return h.call("POST", "/api/sql", token, ServerHarness.JSON.writeValueAsString(Map.of("sql", sql,
          "query_id", queryId)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode listed(String id) {
    JsonNode all = h.call("GET", "/api/queries", admin, null).body().get("queries");
    return StreamSupport.stream(all.spliterator(), false).filter(q -> q.get("query_id").asText().equals(id))
        .findFirst().orElse(null);
  }

  private static JsonNode awaitListed(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      JsonNode q = listed(id);
      if (q != null) {
        return q;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("query " + id + " was never listed");
  }

  private static void assertSimpleQueryAnswersWithinTwoSeconds(String token) {
    long t0 = System.nanoTime();
    Reply r = h.sql(token, SIMPLE);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("another user's simple query answered in " + ms + " ms");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().at("/rows/0/0").asLong()).isEqualTo(claims);
    assertThat(ms).as("another user's simple query").isLessThan(2_000);
  }

  /** No running place, and no task of the query's job group (our listener; Spark's tracker within 5 s). */
  private static void assertNothingRuns(String id) throws InterruptedException {
    assertThat(listed(id)).isNull();
    SparkQueryEngine engine = (SparkQueryEngine) h.queries.engine();
    assertThat(engine.runningTasks("medflow-query-" + id)).isZero();
    var tracker = h.lake.spark.sparkContext().statusTracker();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int active;
    do {
      active = 0;
      for (int job : tracker.getJobIdsForGroup("medflow-query-" + id)) {
        for (int stage : tracker.getJobInfo(job).get().stageIds()) {
          var info = tracker.getStageInfo(stage);
          active += info.isDefined() ? info.get().numActiveTasks() : 0;
        }
      }
      if (active == 0) {
        break;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertThat(active).as("active tasks of the query in Spark's status tracker").isZero();
  }

  private static java.util.List<JsonNode> audit(String outcome) {
    JsonNode entries = h.call("GET", "/api/audit?limit=200", admin, null).body().get("entries");
    return StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("outcome").asText().equals(outcome)).toList();
  }
}
