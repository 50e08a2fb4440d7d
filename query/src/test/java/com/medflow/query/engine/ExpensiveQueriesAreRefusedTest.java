package com.medflow.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.Role;
import com.medflow.model.Tables;
import com.medflow.query.SqlAnswer;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.QueryCaller;
import com.medflow.query.testing.QueryFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost check refuses, before anything runs, the queries whose estimated work or result is over the
 * limits, with a message that says what is too big and which setting bounds it; queries of the same shape
 * that are narrowed run. 2,000 claims (provider names of about 160 characters, where Spark assumes 20);
 * limits: 1,000,000 intermediate rows, 32 KB per value, 64 KB results.
 */
class ExpensiveQueriesAreRefusedTest {
  @TempDir
  static Path home;
  static QueryFixture lake;
  static final QueryCaller ANALYST = QueryCaller.of("ana", Role.ANALYST, "sql");

  @BeforeAll
  static void lakeWithTwoThousandClaims() {
    lake = new QueryFixture(home, 2_000, Map.of("query.max-intermediate-rows", "1000000",
        "query.max-value-bytes", "32768", "query.max-result-bytes", "65536"));
  }

  @AfterAll
  static void close() {
    lake.close();
  }

  static SqlAnswer run(String sql) {
    return lake.queries.run(sql, ANALYST, OptionalInt.empty());
  }

  static org.assertj.core.api.AbstractThrowableAssert<?, ?> refused(String sql) {
    return assertThatThrownBy(() -> run(sql)).isInstanceOf(QueryTooExpensiveException.class);
  }

  @Test
  void aTripleCrossJoinIsRefusedNamingTheTablesTheRowsAndTheLimit() {
    refused("SELECT count(*) FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b"
        + " CROSS JOIN healthcare.claims_clean c")
        .hasMessageContaining("healthcare.claims_clean (about 2,000 rows)")
        .hasMessageContaining("without an equality condition")
        .hasMessageContaining("4,000,000 pairs of rows")
        .hasMessageContaining("query.max-intermediate-rows")
        .hasMessageContaining("Join on a key");
  }

  @Test
  void aJoinWhoseOnlyConditionIsAnInequalityIsRefused() {
    refused("SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b"
        + " ON a.billed_amount < b.billed_amount").hasMessageContaining("without an equality condition");
  }

  @Test
  void anEqualityJoinOnAKeyWithFewValuesIsRefusedWithTheKeysFrequency() {
    refused("SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b ON a.payer = b.payer")
        .hasMessageContaining("on a.payer = b.payer") // the key as Spark prints it
        .hasMessageContaining("occurs in up to 667 rows of healthcare.claims_clean")
        .hasMessageContaining("about 1,334,000 rows")
        .hasMessageContaining("Join on a more selective key");
  }

  @Test
  void aJoinOfSidesGroupedByTheirKeyRunsWhateverTheKeysFrequency() {
    // one row per payer on each side: at most one match per row, however often a payer occurs in the table
    assertThat(run("SELECT a.payer, a.n, b.m FROM (SELECT payer, count(*) AS n FROM healthcare.claims_clean"
        + " GROUP BY payer) a JOIN (SELECT payer, max(billed_amount) AS m FROM healthcare.claims_clean GROUP BY payer) b"
        + " ON a.payer = b.payer ORDER BY a.payer").result().rowCount()).isEqualTo(3);
    // one side grouped is enough: each row of the other side finds at most one
    assertThat(run("SELECT count(*) FROM healthcare.claims_clean c JOIN (SELECT payer, avg(billed_amount) AS m"
        + " FROM healthcare.claims_clean GROUP BY payer) b ON c.payer = b.payer").result().rows())
        .containsExactly(java.util.List.of(2_000L));
  }

  @Test
  void joinsOnAKeyAndCrossJoinsWithASmallSideRun() {
    assertThat(run("SELECT count(*) FROM healthcare.claims_clean a JOIN healthcare.claims_clean b"
        + " ON a.claim_id = b.claim_id").result().rows()).containsExactly(java.util.List.of(2_000L));
    assertThat(run("SELECT count(*) FROM healthcare.claims_clean a, healthcare.claims_clean b"
        + " WHERE a.claim_id = b.claim_id AND a.billed_amount < b.paid_amount + 1000").result().rows())
        .containsExactly(java.util.List.of(2_000L));
    assertThat(run("SELECT count(*) FROM healthcare.claims_clean a CROSS JOIN (SELECT max(billed_amount) AS m"
        + " FROM healthcare.claims_clean) b WHERE a.billed_amount = b.m").result().rows())
        .containsExactly(java.util.List.of(2L));
    assertThat(run("SELECT claim_id, rank() OVER (PARTITION BY payer ORDER BY billed_amount DESC) AS r,"
        + " sum(billed_amount) OVER (PARTITION BY payer ORDER BY claim_id ROWS BETWEEN UNBOUNDED PRECEDING AND"
        + " CURRENT ROW) AS s FROM healthcare.claims_clean ORDER BY r, claim_id LIMIT 2").result().rowCount())
        .isEqualTo(2);
    assertThat(run("SELECT count(*) FROM (SELECT * FROM healthcare.claims_clean LIMIT 100) a"
        + " JOIN healthcare.claims_clean b ON a.billed_amount < b.billed_amount").result().rowCount()).isEqualTo(1);
  }

  @Test
  void anExplodeOfManyRowsIsRefusedAndASmallOneRuns() {
    refused("SELECT explode(sequence(1, 1000)) AS n FROM healthcare.claims_clean")
        .hasMessageContaining("explode makes about 2,000,000 rows (2,000 input rows × 1,000 elements)");
    assertThat(run("SELECT count(n) FROM (SELECT explode(sequence(1, 10)) AS n FROM healthcare.claims_clean) t")
        .result().rows()).containsExactly(java.util.List.of(20_000L));
  }

  @Test
  void theExplodeOfSequenceToABillionIsRefusedByTheGuard() {
    assertThatThrownBy(() -> run("SELECT explode(sequence(1, 1000000000)) FROM healthcare.claims_clean"))
        .isInstanceOf(SqlRefusedException.class).hasMessageContaining("at most 10000 elements");
  }

  @Test
  void nestedStringBuildersAreRefusedBeforeTheOptimizerBuildsThem() {
    long t0 = System.nanoTime();
    refused("SELECT length(repeat(repeat(repeat('x', 1000), 1000), 1000))")
        .hasMessageContaining("repeat(repeat('x', 1000), 1000) builds values of up to about 977 KB")
        .hasMessageContaining("query.max-value-bytes");
    assertThat((System.nanoTime() - t0) / 1_000_000).as("refused without building the string").isLessThan(5_000);
    refused("SELECT concat(lpad('a', 1000, 'b'), replace(repeat(claim_id, 10), 'C', repeat('x', 1000)))"
        + " FROM healthcare.claims_clean")
        .hasMessageContaining("builds values");
  }

  @Test
  void regularExpressionsAndLikePatternsThatBacktrackOnLongValuesAreRefused() {
    refused("SELECT rlike(repeat('a', 1000), 'a*a*b')").hasMessageContaining("1,000,000,000 steps");
    refused("SELECT repeat('a', 1000) LIKE '%a%a%a%b'").hasMessageContaining("LIKE with fewer %");
    refused("SELECT levenshtein(repeat(repeat('a', 1000), 20), repeat(repeat('b', 1000), 20))")
        .hasMessageContaining("levenshtein on values of up to 20,000 and 20,000 characters");
    assertThat(run("SELECT rlike(repeat('a', 1000), 'a*b'), claim_id RLIKE '^C[0-9]+$' FROM healthcare.claims_clean"
        + " LIMIT 1").result().rows()).containsExactly(java.util.List.of(false, true));
  }

  @Test
  void collectingEveryRowIntoOneValueIsRefusedButGroupedOrDistinctCollectsRun() {
    refused("SELECT size(collect_list(claim_id)) FROM healthcare.claims_clean")
        .hasMessageContaining("collect_list").hasMessageContaining("query.max-value-bytes");
    assertThat(run("SELECT size(collect_set(payer)) FROM healthcare.claims_clean").result().rows())
        .containsExactly(java.util.List.of(3L));
    assertThat(run("SELECT payer, size(collect_list(claim_id)) FROM healthcare.claims_clean GROUP BY payer"
        + " ORDER BY payer").result().rows()).hasSize(3);
  }

  @Test
  void aResultEstimatedOverTheByteLimitIsRefused() {
    refused("SELECT sequence(1, 1000) FROM healthcare.claims_clean LIMIT 1000")
        .hasMessageContaining("The result would be about").hasMessageContaining("query.max-result-bytes");
  }

  @Test
  void aResultThatGrowsOverTheByteLimitWhileReadIsCutAndSaysSo() {
    SqlAnswer a = lake.queries.run("SELECT claim_id, provider_name FROM healthcare.claims_clean", ANALYST,
        OptionalInt.of(1_000));
    assertThat(a.result().truncated()).isTrue();
    assertThat(a.result().rowCount()).as("rows of about 175 bytes in 64 KB").isBetween(300, 450);
  }

  @Test
  void aValueLargerThanItsEstimateIsRefusedWhenRead() {
    lake.spark.sql("INSERT INTO " + lake.lake.qualified(Tables.CLAIMS_CLEAN) + " (claim_id, payer, provider_name)"
        + " VALUES ('BIG', 'Aetna', '" + "n".repeat(40_000) + "')");
    try {
      assertThatThrownBy(() -> run("SELECT provider_name FROM healthcare.claims_clean WHERE claim_id = 'BIG'"))
          .isInstanceOf(QueryTooExpensiveException.class)
          .hasMessageContaining("A value of column provider_name has 39 KB");
    } finally {
      lake.spark.sql("DELETE FROM " + lake.lake.qualified(Tables.CLAIMS_CLEAN) + " WHERE claim_id = 'BIG'");
    }
  }
}
