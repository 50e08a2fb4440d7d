package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public CMS carrier sample (RIF layout) through every layer with payers/cms-carrier.yaml. */
class CarrierRollUpPipelineTest {
  private static final String SAMPLE = "/medflow/samples/cms-rif-carrier/carrier.csv";

  @Test
  void everyLineOfTheSampleIsAccountedForAndRollsUpTo37Claims(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.10, Map.of()).payers(PipelineHarness.REPO_PAYERS)) {
      h.landResource(SAMPLE, "cms-carrier/carrier.csv");
      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.bronzeRows()).isEqualTo(221);
      assertThat(out.cleanRows()).isEqualTo(37);
      assertThat(out.quarantinedRows()).isZero();
      PayerResult p = out.payers().get(0);
      assertThat(p.payer()).isEqualTo("Medicare");
      assertThat(p.rolledRows()).isEqualTo(184);
      assertThat(p.unaccounted()).isZero();
      assertThat(p.reconciled()).isTrue();
      assertThat(h.runs.get(out.runId()).orElseThrow().payers()).singleElement()
          .satisfies(r -> assertThat(r.rolledRows()).isEqualTo(184));

      assertThat(h.lines("SELECT count(*), sum(paid_amount), sum(billed_amount), sum(allowed_amount),"
          + " count(DISTINCT member_id), count(procedure_code) FROM healthcare.claims_clean WHERE payer = 'Medicare'"))
          .containsExactly("37|112165.91|145554.31|145554.31|3|11");
      assertThat(h.lines("SELECT claim_id, member_id, patient_birth_date, patient_age, patient_gender, provider_npi,"
          + " provider_specialty, service_date, submitted_date, processed_date, processing_days, primary_diagnosis,"
          + " secondary_diagnosis, diagnosis_category, procedure_code, place_of_service, billed_amount, allowed_amount,"
          + " paid_amount, claim_status, member_state, source_line FROM healthcare.claims_clean"
          + " WHERE claim_id IN ('-100000486', '-100001899', '-100000493') ORDER BY source_line")).containsExactly(
          "-100000486|-1000006|null|null|U|9999310391|General Practice|2015-05-30|null|2015-06-04|null|O03.9|E03.4|Pregnancy|G0444|11|704.20|704.20|563.36|APPROVED|null|2",
          "-100000493|-1000006|null|null|U|9999310391|General Practice|2018-06-16|null|2018-06-21|null|O03.9|E03.4|Pregnancy|G0444|11|1117.03|1117.03|0.00|APPROVED|null|33",
          "-100001899|-1000018|null|null|U|9999067397|General Practice|2021-05-14|null|2021-05-21|null|G47.9|N18.1|Other|null|20|142.58|142.58|0.00|APPROVED|null|222");
      assertThat(h.lines("SELECT count(*) FROM healthcare.claims_raw WHERE payer = 'Medicare'")).containsExactly("221");
      assertThat(h.lines("SELECT check_name, severity, rows_checked, rows_failed, passed FROM healthcare.data_quality_log"
          + " WHERE payer = 'Medicare' AND check_name IN ('ROLLED_INTO_CLAIM', 'SILVER_RECONCILIATION', 'QUARANTINE_RATE',"
          + " 'INVALID_NPI') ORDER BY check_name")).containsExactly(
          "INVALID_NPI|QUARANTINE|221|0|true",
          "QUARANTINE_RATE|QUARANTINE|221|0|true",
          "ROLLED_INTO_CLAIM|WARN|221|184|true",
          "SILVER_RECONCILIATION|QUARANTINE|221|0|true");
      assertThat(h.lines("SELECT sum(claim_count), sum(total_paid_amount) FROM healthcare_gold.claims_monthly_summary"
          + " WHERE payer = 'Medicare'")).containsExactly("37|112165.91");
    }
  }

  @Test
  void aBrokenLineQuarantinesEveryLineOfItsClaimAndARepeatedLineIsADuplicate(@TempDir Path home) throws IOException {
    try (PipelineHarness h = new PipelineHarness(home, 0.60, Map.of()).payers(PipelineHarness.REPO_PAYERS)) {
      String[] lines = sample().split("\n", -1);
      // Claim -100001691 (lines 74-75): a line charge that is not a number. Claim -100001877 (198-199): line 2 again.
      lines[73] = lines[73].replace("|142.58|142.58|A|", "|14x.58|142.58|A|");
      String text = String.join("\n", lines) + lines[198] + "\n";
      h.write("cms-carrier/broken.csv", text.getBytes(StandardCharsets.UTF_8));
      RunOutcome out = h.run();

      assertThat(out.bronzeRows()).isEqualTo(222);
      assertThat(h.lines("SELECT source_line, claim_id, array_join(reasons, ',') FROM healthcare.claims_quarantined"
          + " ORDER BY source_line")).containsExactly(
          "74|-100001691|INVALID_AMOUNT", "75|-100001691|INVALID_AMOUNT", "223|-100001877|DUPLICATE_CLAIM_ID");
      PayerResult p = out.payers().get(0);
      assertThat(p.cleanRows()).isEqualTo(36);
      assertThat(p.quarantinedRows()).isEqualTo(3);
      assertThat(p.rolledRows()).isEqualTo(222 - 36 - 3);
      assertThat(p.unaccounted()).isZero();
      assertThat(h.lines("SELECT billed_amount FROM healthcare.claims_clean WHERE claim_id = '-100001877'"))
          .as("the repeated line is not added twice").containsExactly("278.58");
    }
  }

  @Test
  void aRuleDemotedByTheMappingIsLoggedAsAWarningAndTheClaimKept(@TempDir Path home) throws IOException {
    Path payers = Files.createDirectories(home.resolve("payers"));
    Files.writeString(payers.resolve("cms-carrier.yaml"), Files.readString(PipelineHarness.REPO_PAYERS.resolve(
        "cms-carrier.yaml")) + "rules: {INVALID_NPI: warn}\n");
    try (PipelineHarness h = new PipelineHarness(home, 0.10, Map.of()).payers(payers)) {
      h.write("cms-carrier/npi.csv", sample().replace("|9999067397|", "|9999067398|").getBytes(StandardCharsets.UTF_8));
      RunOutcome out = h.run();

      assertThat(out.cleanRows()).isEqualTo(37);
      assertThat(out.quarantinedRows()).isZero();
      assertThat(h.lines("SELECT severity, rows_failed FROM healthcare.data_quality_log WHERE check_name = 'INVALID_NPI'"))
          .as("23 claims of the performing physician 9999067397, counted once per claim").containsExactly("WARN|23");
      assertThat(h.lines("SELECT count(*) FROM healthcare.claims_clean WHERE provider_npi = '9999067398'"))
          .containsExactly("23");
    }
  }

  private static String sample() throws IOException {
    try (InputStream in = CarrierRollUpPipelineTest.class.getResourceAsStream(SAMPLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
