package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.pipeline.bronze.x12.X12Files;
import com.medflow.pipeline.demo.DemoSpec;
import com.medflow.pipeline.demo.Edi837Generator;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** X12 837P files through the pipeline with payers/humana-837p.yaml: generated, hand-made and broken. */
class X12PipelineTest {
  @Test
  void generatedClaimsAllBecomePendingCleanClaimsWithTheirCharges(@TempDir Path home) throws IOException {
    try (PipelineHarness h = new PipelineHarness(home, 0.10, Map.of()).payers(PipelineHarness.REPO_PAYERS)) {
      FileReport f = new Edi837Generator(new DemoSpec(300, 7, "837p-0001", false, LocalDate.of(2026, 1, 15)))
          .write(h.landing);
      String text = Files.readString(f.file(), StandardCharsets.US_ASCII);
      BigDecimal charges = BigDecimal.ZERO;
      Matcher clm = Pattern.compile("\nCLM\\*[^*]+\\*([0-9.]+)\\*").matcher(text);
      int claims = 0;
      while (clm.find()) {
        charges = charges.add(new BigDecimal(clm.group(1)));
        claims++;
      }
      assertThat(claims).isEqualTo(300);
      assertThat(f.dataLines()).isEqualTo(300);

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.bronzeRows()).isEqualTo(300);
      assertThat(out.cleanRows()).isEqualTo(300);
      assertThat(out.quarantinedRows()).isZero();
      assertThat(h.lines("SELECT count(*), sum(billed_amount), sum(paid_amount), count_if(claim_status = 'PENDING'),"
          + " count_if(provider_specialty IS NULL), count_if(submitted_date < service_date), count(DISTINCT submitted_date)"
          + " FROM healthcare.claims_clean WHERE payer = 'Humana'"))
          .containsExactly("300|" + charges.setScale(2) + "|0.00|300|0|0|" + countTransactions(text));
    }
  }

  @Test
  void handMadeClaimsGiveTheExpectedCleanAndQuarantinedRows(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.90, Map.of()).payers(PipelineHarness.REPO_PAYERS)) {
      List<String> body = new ArrayList<>(X12Files.claim("PCN-OK", "1234567893"));
      body.addAll(renumber(X12Files.claim("PCN-NPI", "1234567890"), 2));
      body.addAll(renumber(without(X12Files.claim("PCN-NOHI", "1234567893"), "HI*"), 4));
      body.addAll(renumber(without(X12Files.claim("PCN-NODMG", "1234567893"), "DMG*"), 6));
      body.addAll(renumber(without(without(without(X12Files.claim("PCN-NOLINES", "1234567893"), "LX*"), "SV1*"),
          "DTP*"), 8));
      body.addAll(renumber(without(X12Files.claim("PCN-NOSUB", "1234567893"), "NM1*IL"), 10));
      h.write("humana-837p/hand.837", X12Files.file(body).getBytes(StandardCharsets.US_ASCII));

      RunOutcome out = h.run();

      assertThat(out.bronzeRows()).isEqualTo(6);
      assertThat(h.lines("SELECT claim_id, member_id, patient_birth_date, patient_age, patient_gender, provider_npi,"
          + " provider_name, provider_specialty, service_date, submitted_date, processed_date, primary_diagnosis,"
          + " secondary_diagnosis, diagnosis_category, procedure_code, place_of_service, billed_amount, allowed_amount,"
          + " paid_amount, claim_status, member_state, source_line FROM healthcare.claims_clean")).containsExactly(
          "PCN-OK|HM100234871|1961-03-14|63|F|1234567893|Lakeside Family Medicine|Family Medicine|2025-01-07|2025-01-10"
              + "|null|E11.9|I10|Diabetes|99213|11|240.00|0.00|0.00|PENDING|OH|21");
      assertThat(h.lines("SELECT claim_id, array_join(reasons, ','), source_line, raw_line LIKE 'CLM*%' FROM"
          + " healthcare.claims_quarantined ORDER BY source_line")).containsExactly(
          "PCN-NPI|INVALID_NPI|42|true",
          "PCN-NOHI|INVALID_DIAGNOSIS|63|true",
          "PCN-NODMG|INVALID_DATE,INVALID_GENDER|82|true",
          "PCN-NOLINES|INVALID_DATE,INVALID_PROCEDURE|103|true",
          "PCN-NOSUB|MISSING_MEMBER_ID,INVALID_DATE,INVALID_GENDER|117|true");
      assertThat(out.payers()).singleElement().satisfies(p -> assertThat(p.unaccounted()).isZero());
    }
  }

  @Test
  void aBrokenEnvelopeRefusesTheFileNamingFileAndSegmentAndWritesNothingOfIt(@TempDir Path home) {
    // Was aBrokenEnvelopeFailsTheRunNamingFileAndSegmentAndWritesNothing: a refused file no longer fails the run
    // and stops the other payers (issue 15); it is refused with the same message and nothing of it is written.
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of()).payers(PipelineHarness.REPO_PAYERS)) {
      h.land("b1");
      String good = X12Files.file(X12Files.claim("PCN-1", "1234567893"));
      h.write("humana-837p/counts.837", X12Files.replace(good, "SE*", "SE*5*0001").getBytes(StandardCharsets.US_ASCII));
      h.write("humana-837p/delims.edi", X12Files.replace(good, "CLM*", "CLM|PCN-1|240").getBytes(StandardCharsets.US_ASCII));

      RunOutcome out = h.run();

      List<String> refused = out.refusedFiles().stream().map(f -> f.describe()).toList();
      assertThat(refused).satisfiesExactly(
          d -> assertThat(d).startsWith("humana-837p/counts.837: X12 837P: segment 29 (SE01): count 5 does not match"
              + " the actual 27"),
          d -> assertThat(d).startsWith("humana-837p/delims.edi: X12 837P: segment 21: not readable as X12"));
      assertThat(h.rows("SELECT * FROM healthcare.claims_raw WHERE payer = 'Humana'")).isEmpty();
      assertThat(h.lines("SELECT check_name, detail FROM healthcare.data_quality_log WHERE payer = 'Humana'"
          + " ORDER BY batch_id")).containsExactly("FILE_REFUSED|" + refused.get(0), "FILE_REFUSED|" + refused.get(1));
      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
    }
  }

  private static int countTransactions(String text) {
    return text.split("\nST\\*837\\*", -1).length - 1;
  }

  private static List<String> without(List<String> segments, String prefix) {
    return segments.stream().filter(s -> !s.startsWith(prefix)).toList();
  }

  /** HL numbers of a copied claim, moved so every claim has its own HL ids. */
  private static List<String> renumber(List<String> segments, int offset) {
    return segments.stream().map(s -> s.startsWith("HL*1**20") ? "HL*" + (offset + 1) + "**20*1"
        : s.startsWith("HL*2*1*22") ? "HL*" + (offset + 2) + "*" + (offset + 1) + "*22*0" : s).toList();
  }
}
