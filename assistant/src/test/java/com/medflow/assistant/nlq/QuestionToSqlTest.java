package com.medflow.assistant.nlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.semantic.SemanticModel;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions as people type them, and the SQL each must compile to (relative to data ending 2025-12-31). */
class QuestionToSqlTest {
  static final SemanticModel MODEL = SemanticModel.load();
  static final Lexicon LEXICON = new Lexicon(MODEL, TestFacts.FACTS);
  static final QuestionParser PARSER = new QuestionParser(MODEL);
  static final SqlCompiler COMPILER = new SqlCompiler(MODEL);

  static String sql(String question) {
    ParseResult r = PARSER.parse(question, TestFacts.FACTS, LEXICON, Optional.empty());
    assertThat(r.kind()).as(question + " -> " + r.reason()).isEqualTo(ParseResult.Kind.ANSWER);
    return COMPILER.compile(r.query().orElseThrow());
  }

  private static final String DENIAL = "COUNT_IF(claim_status = 'DENIED') / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0)";

  @Test
  void theHeadlineQuestion() {
    assertThat(sql("What's our denial rate for diabetes claims this quarter?")).isEqualTo(
        "SELECT " + DENIAL + " AS denial_rate FROM healthcare.claims_clean WHERE diagnosis_category = 'Diabetes'"
            + " AND service_date BETWEEN DATE '2025-10-01' AND DATE '2025-12-31'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What's the average claim amount for diabetes patients?|SELECT AVG(billed_amount) AS avg_billed FROM healthcare.claims_clean WHERE diagnosis_category = 'Diabetes'",
      "denial rate by payer|SELECT payer, " + DENIAL + " AS denial_rate FROM healthcare.claims_clean GROUP BY payer ORDER BY payer",
      "denial rate per insurer|SELECT payer, " + DENIAL + " AS denial_rate FROM healthcare.claims_clean GROUP BY payer ORDER BY payer",
      "how many claims in Q1 2025|SELECT COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE service_date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31'",
      "total paid in March 2025|SELECT SUM(paid_amount) AS total_paid FROM healthcare.claims_clean WHERE service_date BETWEEN DATE '2025-03-01' AND DATE '2025-03-31'",
      "claims last quarter broken down by status|SELECT claim_status, COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE service_date BETWEEN DATE '2025-07-01' AND DATE '2025-09-30' GROUP BY claim_status ORDER BY claim_status",
      "top 5 providers by total paid|SELECT provider_name, SUM(paid_amount) AS total_paid FROM healthcare.claims_clean GROUP BY provider_name ORDER BY total_paid DESC, provider_name LIMIT 5",
      "which specialty has the most claims|SELECT provider_specialty, COUNT(*) AS claim_count FROM healthcare.claims_clean GROUP BY provider_specialty ORDER BY claim_count DESC, provider_specialty LIMIT 1",
      "how many claims over $5,000|SELECT COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE billed_amount > 5000",
      "average paid for patients aged 65 or older|SELECT AVG(paid_amount) AS avg_paid FROM healthcare.claims_clean WHERE patient_age >= 65",
      "compare Aetna and BlueCross denial rates|SELECT payer, " + DENIAL + " AS denial_rate FROM healthcare.claims_clean WHERE payer IN ('Aetna', 'BlueCross') GROUP BY payer ORDER BY payer",
      "monthly claim volume in 2025|SELECT CAST(date_trunc('MONTH', service_date) AS DATE) AS service_month, COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE service_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY CAST(date_trunc('MONTH', service_date) AS DATE) ORDER BY service_month",
      "ER claims for heart attack patients|SELECT COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE place_of_service = '23' AND ((primary_diagnosis LIKE 'I21%' OR primary_diagnosis LIKE 'I22%'))",
      "average processing time by payer in 2024|SELECT payer, AVG(processing_days) AS avg_processing_days FROM healthcare.claims_clean WHERE service_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY payer ORDER BY payer",
      "top denial reasons|SELECT denial_reason, COUNT(*) AS claim_count FROM healthcare.claims_clean WHERE claim_status = 'DENIED' GROUP BY denial_reason ORDER BY claim_count DESC, denial_reason LIMIT 10",
      "how many appeals does UHC have|SELECT COUNT_IF(claim_status = 'IN_REVIEW') AS in_review_count FROM healthcare.claims_clean WHERE payer = 'UnitedHealth'"})
  void commonPhrasingsCompileToTheExpectedSql(String question, String expected) {
    assertThat(sql(question)).isEqualTo(expected);
  }

  @Test
  void paraphrasesGiveTheSameSql() {
    String a = sql("denial rate by payer for 2025");
    assertThat(sql("what was the denial rate for each insurer in 2025")).isEqualTo(a);
    assertThat(sql("2025 denial rates broken down by payer")).isEqualTo(a);
    assertThat(sql("Show me the rejection rate per plan in 2025.")).isEqualTo(a);
  }
}
