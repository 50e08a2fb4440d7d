package com.medflow.assistant.nlq;

import static com.medflow.assistant.nlq.QuestionEngineTest.CLAIMS;
import static com.medflow.assistant.nlq.QuestionEngineTest.COMPILER;
import static com.medflow.assistant.nlq.QuestionEngineTest.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.nlq.query.SemanticQuery;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Follow-ups read against the answer they refine: which value they swap, what they keep. */
class FollowUpReadingTest {
  private static SemanticQuery answered(String question, Optional<SemanticQuery> previous) {
    ParseResult r = ENGINE.read(question, DemoFacts.FACTS, previous);
    assertThat(r.kind()).as(question + " -> " + r.reason() + " " + r.readings()).isEqualTo(ParseResult.Kind.ANSWER);
    return r.query().orElseThrow();
  }

  @Test
  void aValueOfTwoDimensionsSwapsTheOneAlreadyFiltered() {
    SemanticQuery cardiology = answered("How much did we pay cardiology in 2025?", Optional.empty());
    SemanticQuery oncology = answered("and oncology?", Optional.of(cardiology));
    assertThat(COMPILER.compile(oncology)).isEqualTo("SELECT SUM(paid_amount) AS total_paid_amount" + CLAIMS
        + " WHERE provider_specialty = 'Oncology' AND service_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'");
  }

  @Test
  void aValueOfTwoDimensionsNeitherFilteredIsAskedBackAsFollowUps() {
    SemanticQuery byPayer = answered("claims by payer", Optional.empty());
    ParseResult r = ENGINE.read("and oncology?", DemoFacts.FACTS, Optional.of(byPayer));
    assertThat(r.kind()).isEqualTo(ParseResult.Kind.CLARIFY);
    assertThat(r.readings()).extracting(x -> COMPILER.compile(x.query())).allSatisfy(s -> assertThat(s)
        .contains("GROUP BY payer")).anySatisfy(s -> assertThat(s).contains("diagnosis_category = 'Neoplasm'"))
        .anySatisfy(s -> assertThat(s).contains("provider_specialty = 'Oncology'"));
  }

  @Test
  void aFollowUpStartingWithAndKeepsTheGroupingAndSwapsTheReason() {
    SemanticQuery perPayer = answered("how many rows got quarantined per payer?", Optional.empty());
    SemanticQuery badDates = answered("just the bad-date ones", Optional.of(perPayer));
    assertThat(COMPILER.compile(answered("and malformed lines?", Optional.of(badDates)))).isEqualTo("SELECT payer,"
        + " COUNT(*) AS claim_count FROM healthcare.claims_quarantined WHERE array_contains(reasons, 'MALFORMED_ROW')"
        + " GROUP BY payer ORDER BY payer");
  }

  @Test
  void aGrainNamedAfterInsteadOfIsTheGroupingReplaced() {
    SemanticQuery monthly = answered("UHC denial rate by month for 2025", Optional.empty());
    SemanticQuery bySpecialty = answered("now by specialty instead of month", Optional.of(monthly));
    assertThat(COMPILER.compile(bySpecialty)).startsWith("SELECT provider_specialty, CAST(COUNT_IF(")
        .contains("GROUP BY provider_specialty ORDER BY provider_specialty").doesNotContain("service_month");
    assertThat(COMPILER.compile(answered("top 3 only", Optional.of(bySpecialty))))
        .endsWith("GROUP BY provider_specialty ORDER BY denial_rate DESC, provider_specialty LIMIT 3");
  }

  @Test
  void aFollowUpOnQuarantinedRowsReadsOnlyWhatThatTableHas() {
    SemanticQuery aetna = answered("quarantined rows for Aetna", Optional.empty());
    assertThat(COMPILER.compile(answered("what reasons?", Optional.of(aetna)))).isEqualTo("SELECT reason, COUNT(*) AS"
        + " claim_count FROM healthcare.claims_quarantined LATERAL VIEW explode(reasons) r AS reason WHERE payer = 'Aetna'"
        + " GROUP BY reason ORDER BY reason");
  }
}
