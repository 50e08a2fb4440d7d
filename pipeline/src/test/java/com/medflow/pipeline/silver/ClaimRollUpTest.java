package com.medflow.pipeline.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim lines of the CMS carrier layout rolled into one claim, without Spark. */
class ClaimRollUpTest {
  private static final PayerMapping CARRIER = PayerMappings.parseFile(Path.of("..", "payers", "cms-carrier.yaml"));
  private static final ClaimRollUp ROLL = new ClaimRollUp(new ClaimStandardizer(CARRIER, Icd10Cm.load(),
      LocalDate.of(2026, 1, 15)));

  @Test
  void linesAreOrderedByLineNumberSummedAndTheFirstLineCarriesTheClaim() {
    List<ClaimRollUp.Outcome> out = ROLL.roll(List.of(line(12, "2", "", "40.00", "30.00"),
        line(11, "1", "", "60.00", "50.00"), line(13, "3", "G0444", "20.00", "0.00")));

    assertThat(out).extracting(ClaimRollUp.Outcome::sourceLine).containsExactly(11L, 12L, 13L);
    ClaimRollUp.Outcome claim = out.get(0);
    assertThat(claim.reasons()).isEmpty();
    assertThat(claim.rolledInto()).isNull();
    assertThat(claim.claim().billedAmount()).isEqualByComparingTo("120.00");
    assertThat(claim.claim().paidAmount()).isEqualByComparingTo("80.00");
    assertThat(claim.claim().procedureCode()).as("first line that has one").isEqualTo("G0444");
    assertThat(claim.claim().claimStatus()).isEqualTo("APPROVED");
    assertThat(claim.claim().patientGender()).isEqualTo("U");
    assertThat(claim.claim().patientBirthDate()).isNull();
    assertThat(out.subList(1, 3)).allSatisfy(o -> {
      assertThat(o.rolledInto()).isEqualTo(11L);
      assertThat(o.claim()).isNull();
      assertThat(o.reasons()).isEmpty();
    });
  }

  @Test
  void aClaimTotalThatDisagreesWithItsLinesQuarantinesEveryLine() {
    List<ClaimRollUp.Outcome> out = ROLL.roll(List.of(line(1, "1", "", "60.00", "50.00", "999.00"),
        line(2, "2", "", "40.00", "30.00", "999.00")));

    assertThat(out).allSatisfy(o -> assertThat(o.reasons()).containsExactly("INVALID_AMOUNT"));
  }

  @Test
  void aRepeatedLineNumberIsADuplicateOnItsOwnAndIsNotSummed() {
    List<ClaimRollUp.Outcome> out = ROLL.roll(List.of(line(1, "1", "", "60.00", "50.00"),
        line(2, "2", "", "40.00", "30.00"), line(3, "2", "", "40.00", "30.00")));

    assertThat(out.get(0).claim().billedAmount()).isEqualByComparingTo("100.00");
    assertThat(out.get(2).sourceLine()).isEqualTo(3L);
    assertThat(out.get(2).reasons()).containsExactly("DUPLICATE_CLAIM_ID");
    assertThat(out.get(2).rolledInto()).isNull();
  }

  private static ClaimRollUp.Line line(long at, String lineNum, String hcpcs, String billed, String paid) {
    return line(at, lineNum, hcpcs, billed, paid, "");
  }

  private static ClaimRollUp.Line line(long at, String lineNum, String hcpcs, String billed, String paid, String total) {
    Map<String, String> r = new LinkedHashMap<>();
    CARRIER.header().forEach(h -> r.put(h, ""));
    r.put("CLM_ID", "-100");
    r.put("BENE_ID", "-1");
    r.put("PRF_PHYSN_NPI", "1234567893");
    r.put("PRVDR_SPCLTY", "01");
    r.put("CLM_FROM_DT", "30-May-2015");
    r.put("NCH_WKLY_PROC_DT", "04-JUN-2015");
    r.put("PRNCPAL_DGNS_CD", "O039");
    r.put("LINE_PLACE_OF_SRVC_CD", "11");
    r.put("CARR_CLM_PMT_DNL_CD", "1");
    r.put("LINE_NUM", lineNum);
    r.put("HCPCS_CD", hcpcs);
    r.put("LINE_SBMTD_CHRG_AMT", billed);
    r.put("LINE_ALOWD_CHRG_AMT", billed);
    r.put("LINE_NCH_PMT_AMT", paid);
    r.put("NCH_CARR_CLM_SBMTD_CHRG_AMT", total);
    return new ClaimRollUp.Line(at, r);
  }
}
