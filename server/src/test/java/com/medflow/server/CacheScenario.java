package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;

/** Shared by the memory- and Redis-backed tests: hit on repeat (paraphrased), miss after a commit. */
final class CacheScenario {
  private CacheScenario() {}

  static void run(ServerHarness h, String token) {
    String sql = "SELECT payer, SUM(claim_count) AS claims FROM healthcare_gold.claims_monthly_summary GROUP BY payer ORDER BY payer";
    Reply first = h.sql(token, sql);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("cached").asBoolean()).isFalse();

    Reply again = h.sql(token, sql.toLowerCase().replace("select", "SELECT\n  ").replace(" by ", "   BY "));
    assertThat(again.body().get("cached").asBoolean()).as("same query, other spelling").isTrue();
    assertThat(again.body().get("rows")).isEqualTo(first.body().get("rows"));

    h.lake.spark.sql("INSERT INTO lake.healthcare_gold.claims_monthly_summary (service_month, payer, claim_count)"
        + " VALUES (DATE '2025-12-01', 'Aetna', 1000)");
    Reply after = h.sql(token, sql);
    assertThat(after.body().get("cached").asBoolean()).as("a new snapshot misses the cache").isFalse();
    assertThat(after.body().get("rows").get(0).get(1).asLong())
        .isEqualTo(first.body().get("rows").get(0).get(1).asLong() + 1000);
    h.lake.spark.sql("DELETE FROM lake.healthcare_gold.claims_monthly_summary WHERE service_month = DATE '2025-12-01'"
        + " AND claim_count = 1000");
  }
}
