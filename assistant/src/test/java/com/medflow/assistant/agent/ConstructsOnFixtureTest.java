package com.medflow.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.eval.ResultComparator;
import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.model.Role;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each construct of the engine run end to end on the fixture batch (10 clean claims, latest service date
 * 2025-03-05): the rows of the answer equal those of a reference query written by hand, another way.
 */
class ConstructsOnFixtureTest {
  @TempDir
  static Path home;
  static AssistantHarness h;
  static AskService ask;

  @BeforeAll
  static void start() {
    h = new AssistantHarness(home);
    ask = h.ask(Optional.empty());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private List<List<Object>> reference(String sql) {
    return h.queries.run(sql, Role.ADMIN, OptionalInt.of(1000)).result().rows();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "median billed amount|SELECT median(billed_amount) FROM healthcare.claims_clean",
      "highest billed claim amount|SELECT billed_amount FROM healthcare.claims_clean ORDER BY billed_amount DESC LIMIT 1",
      "how many claims took more than 10 days to process|SELECT SUM(CASE WHEN processing_days > 10 THEN 1 ELSE 0 END)"
          + " FROM healthcare.claims_clean",
      "average paid amount on approved claims|SELECT SUM(paid_amount) / COUNT(*) FROM healthcare.claims_clean WHERE claim_status"
          + " = 'APPROVED'",
      "what percent of claims are pending|SELECT AVG(CASE WHEN claim_status = 'PENDING' THEN 1.0 ELSE 0.0 END)"
          + " FROM healthcare.claims_clean",
      "paid-to-billed ratio by payer|SELECT payer, SUM(paid_amount) / SUM(billed_amount) FROM healthcare.claims_clean GROUP BY payer",
      "providers with more than 1 claim|SELECT provider_name, n FROM (SELECT provider_name, COUNT(*) n FROM"
          + " healthcare.claims_clean GROUP BY provider_name) WHERE n > 1",
      "how many providers have more than 1 claim|SELECT COUNT(*) FROM (SELECT provider_npi FROM healthcare.claims_clean"
          + " GROUP BY provider_npi HAVING COUNT(*) >= 2)",
      "combined total billed for Diabetes and Hypertension|SELECT SUM(billed_amount) FROM healthcare.claims_clean WHERE"
          + " diagnosis_category = 'Diabetes' OR diagnosis_category = 'Hypertension'",
      "claims with a secondary diagnosis|SELECT COUNT(*) FROM healthcare.claims_clean WHERE secondary_diagnosis IS NOT NULL",
      "share of claims by payer|SELECT payer, COUNT(*), COUNT(*) / (SELECT COUNT(*) FROM healthcare.claims_clean)"
          + " FROM healthcare.claims_clean GROUP BY payer",
      "claims before February 2025|SELECT COUNT(*) FROM healthcare.claims_clean WHERE service_date < DATE '2025-02-01'",
      "quarantined rows by reason|SELECT r, COUNT(*) FROM (SELECT explode(reasons) r FROM healthcare.claims_quarantined)"
          + " GROUP BY r",
      "denial rate excluding Aetna|SELECT SUM(CASE WHEN claim_status = 'DENIED' THEN 1 ELSE 0 END) / SUM(CASE WHEN claim_status"
          + " IN ('APPROVED', 'DENIED') THEN 1 ELSE 0 END) FROM healthcare.claims_clean WHERE payer != 'Aetna'"})
  void theAnswerHasTheRowsOfTheReference(String question, String reference) {
    Answer a = h.ask(ask, question);
    assertThat(a.status()).as(question + ": " + a.explanation()).isEqualTo(Answer.OK);
    assertThat(ResultComparator.equal(reference(reference), a.rows(), false))
        .as(question + " -> " + a.sql() + " gave " + a.rows() + ", reference " + reference(reference)).isTrue();
  }

  @Test
  void argmaxReturnsTheTopGroupAndItsValue() {
    Answer a = h.ask(ask, "which payer has the highest total billed amount");
    assertThat(a.status()).isEqualTo(Answer.OK);
    List<List<Object>> top = reference("SELECT payer, SUM(billed_amount) s FROM healthcare.claims_clean GROUP BY payer"
        + " ORDER BY s DESC LIMIT 1");
    assertThat(ResultComparator.equal(top, a.rows(), false)).as(a.rows().toString()).isTrue();
    assertThat(((BigDecimal) a.rows().get(0).get(1)).signum()).isPositive();
  }
}
