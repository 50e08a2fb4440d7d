package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.model.Role;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.query.guard.RefusalCode;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.server.testing.Polling;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API of API.md against a real server on a free port, over HTTP. */
class ServerApiTest {
  @TempDir
  static Path home;
  static ServerHarness h;
  static String admin;
  static String analyst;
  static String business;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)), 30);
    admin = h.login("admin");
    analyst = h.login("analyst");
    business = h.login("business");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void loginReturnsATokenWithRoleAndExpiry() {
    Reply r = h.call("POST", "/api/auth/login", null, "{\"username\":\"analyst\",\"password\":\"analyst\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("role").asText()).isEqualTo("analyst");
    assertThat(r.body().get("expires_at").asText()).isEqualTo("2026-01-15T13:00:00Z");
    assertThat(r.body().get("token").asText()).contains(".");
  }

  @Test
  void loginFailsWithAWrongPasswordOrUnknownUser() {
    for (String body : List.of("{\"username\":\"analyst\",\"password\":\"nope\"}",
        "{\"username\":\"nobody\",\"password\":\"analyst\"}")) {
      Reply r = h.call("POST", "/api/auth/login", null, body);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.error()).isEqualTo("BAD_CREDENTIALS");
    }
    assertThat(h.call("POST", "/api/auth/login", null, "{not json").status()).isEqualTo(400);
  }

  @Test
  void everyApiCallButHealthAndLoginNeedsAValidToken() {
    assertThat(h.call("GET", "/api/health", null, null).status()).isEqualTo(200);
    Reply none = h.call("GET", "/api/tables", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.error()).isEqualTo("UNAUTHENTICATED");
    Reply bad = h.call("GET", "/api/tables", "abc.def.ghi", null);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.error()).isEqualTo("INVALID_TOKEN");
    String tampered = analyst.substring(0, analyst.length() - 3) + (analyst.endsWith("AAA") ? "BBB" : "AAA");
    assertThat(h.call("GET", "/api/tables", tampered, null).status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = h.login("analyst");
    h.clock.advance(Duration.ofMinutes(61));
    try {
      Reply r = h.call("GET", "/api/tables", token, null);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.error()).isEqualTo("TOKEN_EXPIRED");
    } finally {
      h.clock.advance(Duration.ofMinutes(-61));
    }
  }

  @Test
  void rolesDecideWhatEachUserMayCall() {
    assertThat(h.sql(business, "SELECT 1").status()).isEqualTo(403);
    assertThat(h.call("GET", "/api/audit", business, null).status()).isEqualTo(403);
    assertThat(h.call("GET", "/api/audit", analyst, null).status()).isEqualTo(403);
    assertThat(h.call("POST", "/api/pipeline/runs", analyst, null).status()).isEqualTo(403);
    assertThat(h.call("GET", "/api/pipeline/quarantine", business, null).status()).isEqualTo(403);
    assertThat(h.call("GET", "/api/tables/healthcare.claims_raw/snapshots", business, null).status()).isEqualTo(403);
    assertThat(h.call("GET", "/api/audit", admin, null).status()).isEqualTo(200);

    List<String> businessTables = names(h.call("GET", "/api/tables", business, null).body().get("tables"));
    assertThat(businessTables).containsExactly("healthcare.claims_clean", "healthcare_gold.claims_monthly_summary",
        "healthcare_gold.claims_approval_funnel", "healthcare_gold.provider_performance");
    JsonNode all = h.call("GET", "/api/tables", analyst, null).body().get("tables");
    assertThat(names(all)).hasSize(7);
    for (JsonNode t : all) {
      String[] parts = t.get("name").asText().split("\\.");
      assertThat(t.get("location").asText()).as("where %s lives", t.get("name").asText())
          .startsWith("file:").endsWith("/warehouse/" + parts[0] + "/" + parts[1]);
    }
  }

  @Test
  void theGuardRefusesUnsafeSqlWith422AndTheReason() {
    for (String sql : List.of("DROP TABLE healthcare.claims_clean", "SELECT 1; DELETE FROM healthcare.claims_clean",
        "SELECT * FROM healthcare.claims_clean.snapshots", "SELECT reflect('java.lang.Runtime', 'getRuntime')",
        "SELECT nope FROM healthcare.claims_clean")) {
      Reply r = h.sql(analyst, sql);
      assertThat(r.status()).as(sql).isEqualTo(422);
      assertThat(r.error()).isEqualTo("SQL_REFUSED");
      assertThat(r.body().path("error").path("message").asText()).isNotBlank().doesNotContain("Exception");
    }
  }

  @Test
  void sqlReturnsTypedColumnsAndRows() {
    Reply r = h.sql(analyst, "SELECT payer, COUNT(*) AS claims, SUM(billed_amount) AS billed FROM healthcare.claims_clean"
        + " GROUP BY payer ORDER BY payer");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("columns").toString())
        .isEqualTo("[{\"name\":\"payer\",\"type\":\"string\"},{\"name\":\"claims\",\"type\":\"integer\"},"
            + "{\"name\":\"billed\",\"type\":\"decimal\"}]");
    assertThat(r.raw().body())
        .contains("\"rows\":[[\"Aetna\",3,2140.00],[\"BlueCross\",5,9220.00],[\"UnitedHealth\",2,1740.00]]");
    assertThat(r.body().get("truncated").asBoolean()).isFalse();
  }

  @Test
  void aLimitCutsTheResultAndSaysSo() {
    Reply r = h.call("POST", "/api/sql", analyst, "{\"sql\": \"SELECT claim_id FROM healthcare.claims_clean\", \"limit\": 4}");
    assertThat(r.body().get("row_count").asInt()).isEqualTo(4);
    assertThat(r.body().get("truncated").asBoolean()).isTrue();
  }

  @Test
  void businessUsersGetPiiMasked() {
    Reply b = h.call("GET", "/api/tables/healthcare.claims_clean/preview?limit=3", business, null);
    assertThat(b.status()).isEqualTo(200);
    int member = columnIndex(b.body(), "member_id");
    int birth = columnIndex(b.body(), "patient_birth_date");
    for (JsonNode row : b.body().get("rows")) {
      assertThat(row.get(member).asText()).isEqualTo("•••••");
      assertThat(row.get(birth).asText()).isEqualTo("•••••");
    }
    Reply a = h.call("GET", "/api/tables/healthcare.claims_clean/preview?limit=3", analyst, null);
    for (JsonNode row : a.body().get("rows")) {
      assertThat(row.get(columnIndex(a.body(), "member_id")).asText()).matches("[A-Z]+M\\d+");
    }
    assertThatThrownBy(() -> h.queries.run("SELECT upper(member_id) FROM healthcare.claims_clean", Role.BUSINESS,
        java.util.OptionalInt.empty())).isInstanceOf(SqlRefusedException.class)
        .satisfies(e -> assertThat(((SqlRefusedException) e).code()).isEqualTo(RefusalCode.PII_NOT_ALLOWED));
    var masked = h.queries.run("SELECT member_id AS who, billed_amount FROM healthcare.claims_clean", Role.BUSINESS,
        java.util.OptionalInt.of(2)).result();
    assertThat(masked.rows()).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("•••••"));
  }

  @Test
  void timeTravelPreviewShowsTheTableAsOfASnapshot() {
    JsonNode snaps = h.call("GET", "/api/tables/healthcare.claims_clean/snapshots", analyst, null).body().get("snapshots");
    assertThat(snaps.size()).isGreaterThanOrEqualTo(1);
    String id = snaps.get(snaps.size() - 1).get("snapshot_id").asText();
    Reply r = h.call("GET", "/api/tables/healthcare.claims_clean/preview?snapshot_id=" + id, analyst, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("snapshot_id").asText()).isEqualTo(id);
    assertThat(h.call("GET", "/api/tables/healthcare.claims_clean/preview?snapshot_id=42", analyst, null).status())
        .isEqualTo(404);
  }

  @Test
  void aRepeatedQueryComesFromTheCacheUntilANewSnapshotIsCommitted() {
    CacheScenario.run(h, analyst);
  }

  @Test
  void everyQueryAndRefusalIsAudited() {
    String token = h.login("admin");
    h.sql(token, "SELECT COUNT(*) FROM healthcare_gold.claims_monthly_summary");
    h.sql(token, "DELETE FROM healthcare.claims_clean");
    JsonNode entries = h.call("GET", "/api/audit?limit=10", token, null).body().get("entries");
    List<String> outcomes = new ArrayList<>();
    entries.forEach(e -> {
      if (e.get("username").asText().equals("admin") && e.get("kind").asText().equals("sql")) {
        outcomes.add(e.get("outcome").asText());
      }
    });
    assertThat(outcomes).startsWith("refused", "ok");
    JsonNode ok = null;
    for (JsonNode e : entries) {
      if (e.get("outcome").asText().equals("ok") && e.get("kind").asText().equals("sql")) {
        ok = e;
        break;
      }
    }
    assertThat(ok).isNotNull();
    assertThat(ok.get("role").asText()).isEqualTo("admin");
    assertThat(ok.get("rows").asInt()).isEqualTo(1);
    assertThat(ok.get("sql").asText()).contains("claims_monthly_summary");
    assertThat(ok.get("latency_ms").isNumber()).isTrue();
  }

  @Test
  void tooManyRequestsGet429WithRetryAfter() {
    h.accounts.add("burst", "burst", Role.ANALYST);
    String token = h.login("burst");
    int status = 0;
    int sent = 0;
    while (sent < 31) {
      status = h.sql(token, "SELECT 1 AS one").status();
      sent++;
      if (status == 429) {
        break;
      }
    }
    Reply limited = h.sql(token, "SELECT 1 AS one");
    assertThat(sent).isEqualTo(31);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).isEqualTo("RATE_LIMITED");
    assertThat(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
    h.clock.advance(Duration.ofSeconds(61));
    assertThat(h.sql(token, "SELECT 1 AS one").status()).isEqualTo(200);
  }

  @Test
  void errorsAreJsonWithoutStackTraces() {
    Reply unknown = h.call("GET", "/api/nothing-here", analyst, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("NOT_FOUND");
    Reply badJson = h.call("POST", "/api/sql", analyst, "{\"sql\": ");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.raw().body()).doesNotContain("at com.").doesNotContain("Exception");
    Reply noRun = h.call("GET", "/api/pipeline/runs/run-nope", admin, null);
    assertThat(noRun.status()).isEqualTo(404);
  }

  @Test
  void healthAndThePipelineChecksShowEachPayersFreshnessAndAStalePayerAsAWarning() {
    // the fixture batch b1 arrived at the harness clock's start: every payer is fresh
    JsonNode checks = h.call("GET", "/api/pipeline/checks", analyst, null).body();
    assertThat(checks.get("status").asText()).isEqualTo("ok");
    assertThat(checks.get("freshness").findValuesAsText("payer")).containsExactly("Aetna", "BlueCross", "UnitedHealth");
    assertThat(checks.get("freshness").get(0).get("last_batch_id").asText()).isEqualTo("b1");
    assertThat(checks.get("freshness").get(0).get("interval").asText()).isEqualTo("PT48H");
    assertThat(checks.get("volume").size()).as("a first batch has nothing to compare with").isZero();
    h.clock.advance(Duration.ofDays(3));
    try {
      JsonNode body = h.call("GET", "/api/health", null, null).body();
      assertThat(body.get("status").asText()).as("a warning does not degrade the service").isEqualTo("ok");
      JsonNode data = body.get("data_checks");
      assertThat(data.get("status").asText()).isEqualTo("warn");
      assertThat(data.get("warnings").asLong()).isEqualTo(3);
      assertThat(data.get("freshness").get(1).get("stale").asBoolean()).isTrue();
      assertThat(data.get("freshness").get(1).get("age_s").asLong()).isGreaterThanOrEqualTo(3 * 86_400);
    } finally {
      h.clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void healthReportsEachDependency() {
    JsonNode body = h.call("GET", "/api/health", null, null).body();
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("dependencies").get("catalog").get("status").asText()).isEqualTo("ok");
    assertThat(body.get("dependencies").get("app_db").get("status").asText()).isEqualTo("ok");
    assertThat(body.get("dependencies").get("llm").get("status").asText()).isEqualTo("disabled");
  }

  @Test
  void adminsScrapeMetricsInThePrometheusFormat() {
    h.sql(analyst, "SELECT COUNT(*) AS n FROM healthcare.claims_clean");
    Reply forbidden = h.call("GET", "/api/metrics", analyst, null);
    assertThat(forbidden.status()).isEqualTo(403);
    Reply r = h.call("GET", "/api/metrics", admin, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().body())
        .contains("http_requests_total{method=\"POST\",route=\"/api/sql\",status=\"200\"}")
        .contains("http_request_duration_seconds_bucket{route=\"/api/sql\",le=\"+Inf\"}")
        .contains("medflow_sql_queries_total{outcome=\"ok\"")
        .contains("jvm_heap_used_bytes");
  }

  @Test
  void pipelineRunsAreListedWithTasksPayersAndQuality() {
    JsonNode runs = h.call("GET", "/api/pipeline/runs", analyst, null).body().get("runs");
    assertThat(runs.size()).isGreaterThanOrEqualTo(1);
    String id = runs.get(runs.size() - 1).get("run_id").asText();
    JsonNode run = h.call("GET", "/api/pipeline/runs/" + id, analyst, null).body();
    assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("tasks").size()).isEqualTo(9);
    assertThat(run.get("payers").size()).isEqualTo(3);
    assertThat(run.get("quality").size()).isEqualTo(3 * 21); // 16 rules, gate, CLAIM_REPLACED_IN_RUN, 2 reconciliations + FRESHNESS per payer
    JsonNode q = h.call("GET", "/api/pipeline/quarantine?payer=BlueCross&limit=5", analyst, null).body().get("rows");
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.get(0).get("reasons").isArray()).isTrue();
  }

  @Test
  void theSourcesAreListedWithTheirFormatAndMappingFile() {
    JsonNode sources = h.call("GET", "/api/pipeline/sources", business, null).body().get("sources");
    assertThat(sources.size()).isEqualTo(3);
    JsonNode uhc = sources.get(2);
    assertThat(uhc.get("payer").asText()).isEqualTo("UnitedHealth");
    assertThat(uhc.get("folder").asText()).isEqualTo("unitedhealth");
    assertThat(uhc.get("format").asText()).isEqualTo("delimited");
    assertThat(uhc.get("files").get(0).asText()).isEqualTo(".csv");
    assertThat(uhc.get("mapping_file").asText()).isEqualTo("built-in medflow/payers/unitedhealth.yaml");
    assertThat(uhc.get("roll_up").asBoolean()).isFalse();
    assertThat(h.call("GET", "/api/pipeline/sources", null, null).status()).isEqualTo(401);
  }

  @Test
  void anAdminStartsARunAndASecondStartWhileItHoldsTheLockIsAConflict() {
    h.lake.runs.tryLock("run-held-by-test", h.clock.instant(), Duration.ofHours(6));
    try {
      Reply busy = h.call("POST", "/api/pipeline/runs", admin, null);
      assertThat(busy.status()).isEqualTo(409);
      assertThat(busy.error()).isEqualTo("PIPELINE_BUSY");
    } finally {
      h.lake.runs.unlock("run-held-by-test");
    }
    Reply started = h.call("POST", "/api/pipeline/runs", admin, null);
    assertThat(started.status()).isEqualTo(202);
    String id = started.body().get("run_id").asText();
    String state = Polling.until(Duration.ofMinutes(2),
        () -> h.call("GET", "/api/pipeline/runs/" + id, admin, null).body().get("state").asText(),
        s -> !s.equals("RUNNING"));
    assertThat(state).isEqualTo("NOTHING_TO_DO");
  }

  private static List<String> names(JsonNode tables) {
    List<String> out = new ArrayList<>();
    tables.forEach(t -> out.add(t.get("name").asText()));
    return out;
  }

  private static int columnIndex(JsonNode body, String name) {
    JsonNode cols = body.get("columns");
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
