package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.Role;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The guard prints the same checked query in Trino's dialect with Spark's meaning, and refuses the same things. */
class TrinoDialectTest {
  private static final SqlGuard SPARK = new SqlGuard(1_000, 10_000, "lake", SqlDialect.SPARK);
  private static final SqlGuard TRINO = new SqlGuard(1_000, 10_000, "lake", SqlDialect.TRINO);

  private static String trino(String sql) {
    return TRINO.check(sql, Role.ANALYST, OptionalInt.empty()).sql().replaceAll("\\s+", " ").trim();
  }

  private static String spark(String sql) {
    return SPARK.check(sql, Role.ANALYST, OptionalInt.empty()).sql().replaceAll("\\s+", " ").trim();
  }

  @TestFactory
  Stream<DynamicTest> everyHostileStringIsRefusedOnTrinoToo() {
    return GuardCorpus.load("/guard/hostile.sql").stream().map(e -> DynamicTest.dynamicTest(e.toString(), () ->
        assertThatThrownBy(() -> TRINO.check(e.sql(), GuardCorpus.role(e.field(1)), OptionalInt.empty()))
            .isInstanceOf(SqlRefusedException.class)));
  }

  @Test
  void timeTravelIsAcceptedInBothFormsAndPrintedInEachEnginesForm() {
    String trinoForm = "SELECT COUNT(*) AS n FROM healthcare.claims_clean FOR VERSION AS OF 42";
    String sparkForm = "SELECT COUNT(*) AS n FROM healthcare.claims_clean VERSION AS OF 42";
    assertThat(trino(trinoForm)).contains("FROM healthcare.claims_clean FOR VERSION AS OF 42");
    assertThat(trino(sparkForm)).contains("FROM healthcare.claims_clean FOR VERSION AS OF 42");
    assertThat(spark(trinoForm)).contains("FROM healthcare.claims_clean VERSION AS OF 42").doesNotContain("FOR VERSION");
    assertThat(trino("SELECT COUNT(*) AS n FROM healthcare.claims_clean FOR TIMESTAMP AS OF TIMESTAMP '2026-01-02 03:04:05'"))
        .contains("FOR TIMESTAMP AS OF TIMESTAMP '2026-01-02 03:04:05 UTC'");
    assertThat(trino("SELECT COUNT(*) AS n FROM healthcare.claims_clean TIMESTAMP AS OF '2026-01-02'"))
        .contains("FOR TIMESTAMP AS OF TIMESTAMP '2026-01-02 00:00:00 UTC'");
    assertThat(TRINO.check(trinoForm, Role.ANALYST, OptionalInt.empty()).timeTravel()).isTrue();
  }

  @Test
  void aForInsideAStringIsNotTakenForTimeTravel() {
    assertThat(trino("SELECT COUNT(*) AS n FROM healthcare.claims_clean WHERE payer = 'FOR VERSION AS OF 1'"))
        .contains("payer = 'FOR VERSION AS OF 1'");
  }

  @Test
  void divisionNeverTruncatesOnTrino() {
    assertThat(trino("SELECT COUNT_IF(claim_status = 'DENIED') / COUNT(*) AS r FROM healthcare.claims_clean"))
        .startsWith("SELECT CAST(count_if(claim_status = 'DENIED') AS DOUBLE) / count(*) AS r");
  }

  @Test
  void sparkFunctionsBecomeTrinoFunctionsWithTheSameMeaning() {
    assertThat(trino("SELECT datediff(processed_date, service_date) AS d FROM healthcare.claims_clean"))
        .startsWith("SELECT date_diff('day', service_date, processed_date) AS d");
    assertThat(trino("SELECT dayofweek(service_date) AS d FROM healthcare.claims_clean"))
        .startsWith("SELECT (day_of_week(service_date) % 7 + 1) AS d");
    assertThat(trino("SELECT date_add(service_date, 30) AS d FROM healthcare.claims_clean"))
        .startsWith("SELECT date_add('day', 30, service_date) AS d");
    assertThat(trino("SELECT percentile(billed_amount, 0.9) AS p FROM healthcare.claims_clean"))
        .startsWith("SELECT (CASE WHEN count(billed_amount) = 0 THEN NULL ELSE CAST(element_at(array_sort(array_agg("
            + "billed_amount)), CAST(floor(0.9 * (count(billed_amount) - 1)) AS BIGINT) + 1) AS DOUBLE) + (");
    assertThat(trino("SELECT CAST(patient_age AS STRING) AS a FROM healthcare.claims_clean"))
        .startsWith("SELECT CAST(patient_age AS VARCHAR) AS a");
    assertThat(trino("SELECT COUNT(*) AS n FROM healthcare.claims_clean WHERE service_date > current_date() - INTERVAL 2 WEEKS"))
        .contains("current_date - INTERVAL '14' DAY");
  }

  @Test
  void groupByASelectAliasBecomesItsOrdinalOnTrino() {
    String sql = "SELECT CAST(date_trunc('MONTH', service_date) AS DATE) AS service_month, COUNT(*) AS n"
        + " FROM healthcare.claims_clean GROUP BY service_month ORDER BY service_month";
    assertThat(trino(sql)).contains("GROUP BY 1 ORDER BY service_month NULLS FIRST");
    assertThat(spark(sql)).contains("GROUP BY service_month");
    assertThat(trino("SELECT payer AS p, COUNT(*) AS n FROM healthcare.claims_clean GROUP BY payer"))
        .contains("GROUP BY payer");
  }

  @Test
  void offsetComesBeforeLimitOnTrino() {
    String sql = "SELECT payer FROM healthcare.claims_clean ORDER BY payer LIMIT 5 OFFSET 2";
    assertThat(trino(sql)).endsWith("ORDER BY payer NULLS FIRST OFFSET 2 LIMIT 5");
    assertThat(spark(sql)).endsWith("ORDER BY payer LIMIT 5 OFFSET 2");
  }

  @Test
  void nullsAreOrderedAsOnSparkWhenTheQueryNamesNoOrderingOnTrino() {
    String sql = "SELECT denial_reason, COUNT(*) AS n FROM healthcare.claims_clean GROUP BY denial_reason"
        + " ORDER BY denial_reason, n DESC";
    assertThat(trino(sql)).endsWith("ORDER BY denial_reason NULLS FIRST, n DESC LIMIT 1000");
    assertThat(spark(sql)).contains("ORDER BY denial_reason, n DESC");
    assertThat(trino("SELECT payer FROM healthcare.claims_clean ORDER BY payer NULLS LAST"))
        .contains("ORDER BY payer NULLS LAST");
    assertThat(trino("SELECT payer, RANK() OVER (ORDER BY billed_amount) AS r FROM healthcare.claims_clean"))
        .contains("OVER (ORDER BY billed_amount NULLS FIRST)");
  }

  @Test
  void lateralViewExplodeBecomesCrossJoinUnnest() {
    assertThat(trino("SELECT reason, COUNT(*) AS n FROM healthcare.claims_quarantined LATERAL VIEW explode(reasons) r AS reason"
        + " GROUP BY reason"))
        .contains("FROM healthcare.claims_quarantined CROSS JOIN UNNEST(reasons) AS r (reason)");
  }

  @Test
  void identifiersAndStringsUseTrinoQuoting() {
    assertThat(trino("SELECT payer AS `Payer name`, COUNT(*) AS n FROM healthcare.claims_clean"
        + " WHERE provider_name <> 'O\\'Brien' GROUP BY payer"))
        .contains("payer AS \"Payer name\"").contains("provider_name <> 'O''Brien'");
  }

  @Test
  void whatHasNoSameMeaningFormOnTrinoIsRefusedWithAReason() {
    for (String sql : List.of("SELECT date_format(service_date, 'yyyy-MM') AS m FROM healthcare.claims_clean",
        "SELECT pos, r FROM healthcare.claims_quarantined LATERAL VIEW posexplode(reasons) t AS pos, r")) {
      assertThatThrownBy(() -> trino(sql)).isInstanceOf(SqlRefusedException.class).hasMessageContaining("Trino");
    }
  }
}
