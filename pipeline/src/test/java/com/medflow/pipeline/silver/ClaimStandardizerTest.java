package com.medflow.pipeline.silver;

import static com.medflow.model.QualityCheck.ALLOWED_EXCEEDS_BILLED;
import static com.medflow.model.QualityCheck.DENIED_WITHOUT_REASON;
import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule on its own, good and bad values, in each payer's own formats. */
class ClaimStandardizerTest {
  private static final Icd10Cm ICD10 = Icd10Cm.load();
  private static final PayerMappings MAPPINGS = PayerMappings.load(Optional.empty());
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  private static final Map<String, Map<String, String>> CLEAN = Map.of(
      "bluecross", rec("ClaimID", "BC-2025-0004711", "MemberID", "BCM100234871", "PatientDOB", "03/14/1961",
          "PatientGender", "F", "ProviderNPI", "1234567893", "ProviderName", "Lakeside Family Medicine, PC",
          "ProviderSpecialty", "Family Medicine", "ServiceDate", "01/07/2025", "SubmittedDate", "01/09/2025",
          "ProcessedDate", "01/21/2025", "PrimaryDiagnosis", "E11.9", "SecondaryDiagnosis", "I10",
          "ProcedureCode", "99213", "PlaceOfService", "11", "BilledAmount", "$1,240.00", "AllowedAmount", "$310.55",
          "PaidAmount", "$248.44", "Status", "A", "DenialReason", "", "State", "OH"),
      "aetna", rec("claim_number", "AET-1", "patient_id", "AM1", "date_of_birth", "1961-03-14", "sex", "male",
          "rendering_npi", "1234567893", "provider_name", "Riverside", "specialty", "Internal Medicine",
          "service_from_date", "2025-01-07", "received_date", "2025-01-09", "adjudication_date", "2025-01-21",
          "diagnosis_codes", "E119|I10", "cpt_hcpcs", "83036", "pos_code", "11", "charge_amount", "1240.00",
          "allowed_amount", "310.55", "payment_amount", "248.44", "claim_status", "PAID", "denial_code", "",
          "member_state", "ny"),
      "unitedhealth", rec("CLM_ID", "UHC1", "MBR_ID", "UM1", "MBR_BIRTH_DT", "19610314", "MBR_GNDR_CD", "2",
          "SRVC_PRVDR_NPI", "1234567893", "PRVDR_NM", "LAKESIDE FAMILY MEDICINE, PC", "PRVDR_SPCLTY",
          "OBSTETRICS AND GYNECOLOGY", "SRVC_FROM_DT", "20250107", "CLM_RCVD_DT", "20250109", "CLM_PD_DT", "20250121",
          "ICD_DGNS_CD1", "E119", "ICD_DGNS_CD2", "I10", "ICD_DGNS_CD3", "", "HCPCS_CD", "G0438",
          "PLC_OF_SRVC_CD", "11", "CLM_SBMT_CHRG_AMT", "124000", "CLM_ALWD_AMT", "31055", "CLM_PMT_AMT", "24844",
          "CLM_STAT_CD", "01", "CARC_CD", "", "MBR_STATE_CD", "OH"));

  private static Map<String, String> rec(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static StandardizedClaim standardize(String folder, String... overrides) {
    PayerMapping m = MAPPINGS.byFolder(folder).orElseThrow();
    Map<String, String> r = new LinkedHashMap<>(CLEAN.get(folder));
    r.putAll(rec(overrides));
    return new ClaimStandardizer(m, ICD10, TODAY).standardize(r);
  }

  @Test
  void eachPayersFormatsBecomeTheSameStandardClaim() {
    for (String payer : new String[] {"bluecross", "aetna", "unitedhealth"}) {
      StandardizedClaim c = standardize(payer);
      assertThat(c.quarantineReasons()).as(payer).isEmpty();
      assertThat(c.patientBirthDate()).isEqualTo(LocalDate.of(1961, 3, 14));
      assertThat(c.patientAge()).isEqualTo(63);
      assertThat(c.serviceDate()).isEqualTo(LocalDate.of(2025, 1, 7));
      assertThat(c.processingDays()).isEqualTo(12);
      assertThat(c.billedAmount()).isEqualByComparingTo("1240.00");
      assertThat(c.billedAmount().scale()).isEqualTo(2);
      assertThat(c.allowedAmount()).isEqualByComparingTo("310.55");
      assertThat(c.paidAmount()).isEqualByComparingTo("248.44");
      assertThat(c.primaryDiagnosis()).isEqualTo("E11.9");
      assertThat(c.secondaryDiagnosis()).isEqualTo("I10");
      assertThat(c.diagnosisCategory()).isEqualTo("Diabetes");
      assertThat(c.claimStatus()).isEqualTo("APPROVED");
    }
    assertThat(standardize("aetna").patientGender()).isEqualTo("M");
    assertThat(standardize("aetna").memberState()).isEqualTo("NY");
    assertThat(standardize("unitedhealth").patientGender()).isEqualTo("F");
    assertThat(standardize("unitedhealth").providerName()).isEqualTo("Lakeside Family Medicine, PC");
    assertThat(standardize("unitedhealth").providerSpecialty()).isEqualTo("Obstetrics and Gynecology");
  }

  @ParameterizedTest(name = "{0} {1}={2} -> {3}")
  @CsvSource(delimiter = ';', value = {
      "bluecross;ClaimID;'';MISSING_CLAIM_ID",
      "aetna;claim_number;'  ';MISSING_CLAIM_ID",
      "unitedhealth;MBR_ID;'';MISSING_MEMBER_ID",
      "bluecross;PatientDOB;13/45/1961;INVALID_DATE",
      "bluecross;PatientDOB;1961-03-14;INVALID_DATE",
      "bluecross;ServiceDate;01/07/2099;INVALID_DATE",
      "aetna;date_of_birth;1899-12-31;INVALID_DATE",
      "aetna;received_date;2025-02-30;INVALID_DATE",
      "unitedhealth;CLM_PD_DT;2025012;INVALID_DATE",
      "unitedhealth;SRVC_FROM_DT;'';INVALID_DATE",
      "bluecross;SubmittedDate;01/05/2025;INVALID_DATE_ORDER",
      "aetna;adjudication_date;2025-01-08;INVALID_DATE_ORDER",
      "unitedhealth;MBR_BIRTH_DT;20250201;INVALID_DATE_ORDER",
      "bluecross;ProviderNPI;1234567890;INVALID_NPI",
      "aetna;rendering_npi;123456789;INVALID_NPI",
      "unitedhealth;SRVC_PRVDR_NPI;12345678A3;INVALID_NPI",
      "bluecross;PrimaryDiagnosis;E11.99;INVALID_DIAGNOSIS",
      "bluecross;SecondaryDiagnosis;XYZ;INVALID_DIAGNOSIS",
      "bluecross;PrimaryDiagnosis;'';INVALID_DIAGNOSIS",
      "aetna;diagnosis_codes;E119|I1O;INVALID_DIAGNOSIS",
      "aetna;diagnosis_codes;|I10;INVALID_DIAGNOSIS",
      "unitedhealth;ICD_DGNS_CD3;Q999999;INVALID_DIAGNOSIS",
      "bluecross;ProcedureCode;9921;INVALID_PROCEDURE",
      "aetna;cpt_hcpcs;W1234;INVALID_PROCEDURE",
      "unitedhealth;HCPCS_CD;'';INVALID_PROCEDURE",
      "bluecross;BilledAmount;$1,24.00;INVALID_AMOUNT",
      "bluecross;PaidAmount;-$5.00;INVALID_AMOUNT",
      "bluecross;PaidAmount;$1,500.00;INVALID_AMOUNT",
      "aetna;charge_amount;1,240.00;INVALID_AMOUNT",
      "aetna;payment_amount;'';INVALID_AMOUNT",
      "unitedhealth;CLM_SBMT_CHRG_AMT;1240.00;INVALID_AMOUNT",
      "unitedhealth;CLM_PMT_AMT;-100;INVALID_AMOUNT",
      "bluecross;Status;X;INVALID_STATUS",
      "aetna;claim_status;'';INVALID_STATUS",
      "unitedhealth;CLM_STAT_CD;05;INVALID_STATUS",
      "bluecross;PatientGender;Q;INVALID_GENDER",
      "aetna;sex;'';INVALID_GENDER",
      "unitedhealth;MBR_GNDR_CD;3;INVALID_GENDER"})
  void aBadValueBreaksExactlyItsRule(String payer, String column, String value, String code) {
    assertThat(standardize(payer, column, value).quarantineReasons()).containsExactly(code);
  }

  @Test
  void codeMapsAreCaseInsensitiveAndTrimmed() {
    assertThat(standardize("aetna", "sex", " Female ", "claim_status", "paid").quarantineReasons()).isEmpty();
    assertThat(standardize("bluecross", "ProcedureCode", "g0438").procedureCode()).isEqualTo("G0438");
    assertThat(standardize("bluecross", "PrimaryDiagnosis", "e11.9").primaryDiagnosis()).isEqualTo("E11.9");
  }

  @Test
  void aLineThatCouldNotBeSplitIsMalformed() {
    PayerMapping m = MAPPINGS.byFolder("aetna").orElseThrow();
    assertThat(new ClaimStandardizer(m, ICD10, TODAY).standardize(Map.of()).quarantineReasons())
        .containsExactly("MALFORMED_ROW");
  }

  @Test
  void everyBrokenRuleIsReported() {
    assertThat(standardize("bluecross", "ClaimID", "", "ProviderNPI", "1", "Status", "Z", "PatientGender", "")
        .quarantineReasons()).containsExactly("MISSING_CLAIM_ID", "INVALID_NPI", "INVALID_STATUS", "INVALID_GENDER");
  }

  @Test
  void deniedClaimsCarryTheBareCarcAndItsDescription() {
    StandardizedClaim bc = standardize("bluecross", "Status", "D", "DenialReason", "CO-197", "PaidAmount", "$0.00");
    assertThat(bc.denialReasonCode()).isEqualTo("197");
    assertThat(bc.denialReason()).isEqualTo("Precertification or authorization absent");
    StandardizedClaim aetna = standardize("aetna", "claim_status", "DENIED", "denial_code", "50", "payment_amount", "0");
    assertThat(aetna.denialReasonCode()).isEqualTo("50");
    assertThat(aetna.warns(DENIED_WITHOUT_REASON)).isFalse();
  }

  @Test
  void warnChecksKeepTheRow() {
    StandardizedClaim noReason = standardize("unitedhealth", "CLM_STAT_CD", "02", "CLM_PMT_AMT", "0");
    assertThat(noReason.quarantineReasons()).isEmpty();
    assertThat(noReason.warns(DENIED_WITHOUT_REASON)).isTrue();
    assertThat(noReason.denialReasonCode()).isNull();
    StandardizedClaim allowedHigh = standardize("aetna", "allowed_amount", "1300.00");
    assertThat(allowedHigh.quarantineReasons()).isEmpty();
    assertThat(allowedHigh.warns(ALLOWED_EXCEEDS_BILLED)).isTrue();
  }

  @Test
  void pendingAndInReviewClaimsAreNotProcessed() {
    StandardizedClaim pending = standardize("bluecross", "Status", "P", "ProcessedDate", "", "AllowedAmount", "",
        "PaidAmount", "");
    assertThat(pending.quarantineReasons()).isEmpty();
    assertThat(pending.processedDate()).isNull();
    assertThat(pending.processingDays()).isNull();
    assertThat(pending.paidAmount()).isEqualTo(new BigDecimal("0.00"));
    StandardizedClaim appeal = standardize("aetna", "claim_status", "APPEALED", "denial_code", "50");
    assertThat(appeal.claimStatus()).isEqualTo("IN_REVIEW");
    assertThat(appeal.processedDate()).isNull();
    assertThat(appeal.denialReasonCode()).isNull();
  }

  @Test
  void anAdjudicatedClaimWithoutProcessedDateIsAnInvalidDate() {
    assertThat(standardize("bluecross", "ProcessedDate", "").quarantineReasons()).containsExactly("INVALID_DATE");
  }

  @Test
  void placeOfServiceIsTwoDigits() {
    assertThat(standardize("aetna", "pos_code", "2").placeOfService()).isEqualTo("02");
  }
}
