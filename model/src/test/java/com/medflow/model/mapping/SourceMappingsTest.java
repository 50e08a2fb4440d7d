package com.medflow.model.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.ClaimStatus;
import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping files of the repository's payers/ folder load alone, with no code of their own. */
class SourceMappingsTest {
  private static final Path PAYERS = Path.of("..", "payers");

  @Test
  void theCmsCarrierMappingLoadsOnItsOwn() {
    PayerMapping m = PayerMappings.parseFile(PAYERS.resolve("cms-carrier.yaml"));

    assertThat(m.payer()).isEqualTo("Medicare");
    assertThat(m.folder()).isEqualTo("cms-carrier");
    assertThat(m.source()).endsWith("cms-carrier.yaml");
    assertThat(m.delimiter()).isEqualTo('|');
    assertThat(m.header()).hasSize(100).contains("CLM_ID", "LINE_NUM", "HCPCS_CD");
    MappingOptions o = m.options();
    assertThat(o.fileFormat()).isEqualTo(FileFormat.DELIMITED);
    assertThat(o.rollUp().lineNumberColumn()).isEqualTo("LINE_NUM");
    assertThat(o.rollUp().sum()).containsExactlyInAnyOrder(StandardField.BILLED_AMOUNT, StandardField.ALLOWED_AMOUNT,
        StandardField.PAID_AMOUNT);
    assertThat(o.rollUp().totals()).containsEntry(StandardField.PAID_AMOUNT, "CLM_PMT_AMT");
    assertThat(o.optional()).contains(StandardField.PATIENT_BIRTH_DATE, StandardField.SUBMITTED_DATE);
    assertThat(o.defaults()).containsEntry(StandardField.PATIENT_GENDER, "U");
    assertThat(o.severity(QualityCheck.INVALID_NPI)).isEqualTo(Severity.QUARANTINE);
    assertThat(o.valueMaps().get(StandardField.PROVIDER_SPECIALTY)).containsEntry("01", "GENERAL PRACTICE");
    assertThat(m.status("0")).contains(ClaimStatus.DENIED);
    assertThat(m.status("1")).contains(ClaimStatus.APPROVED);
    assertThat(m.status("00")).as("MSP cost avoided").contains(ClaimStatus.DENIED);
    assertThat(o.alternates().get(StandardField.PROVIDER_NPI)).containsExactly("CARR_CLM_BLG_NPI_NUM");
  }

  @Test
  void theX12MappingLoadsOnItsOwnAndItsKeysAreX12Designators() {
    PayerMapping m = PayerMappings.parseFile(PAYERS.resolve("humana-837p.yaml"));

    assertThat(m.options().fileFormat()).isEqualTo(FileFormat.X12_837P);
    assertThat(m.options().fileExtensions()).containsExactly(".837", ".edi", ".x12");
    assertThat(m.header()).isEmpty();
    assertThat(m.column(StandardField.PROCEDURE_CODE)).contains("2400[1].SV101-2");
    assertThat(m.options().alternates().get(StandardField.SERVICE_DATE)).containsExactly("2300.DTP-472.03");
    assertThat(m.options().defaults()).containsEntry(StandardField.CLAIM_STATUS, "SUBMITTED");
    assertThat(m.status("SUBMITTED")).contains(ClaimStatus.PENDING);
  }

  @Test
  void theBuiltInsAndTheFolderLoadTogether() {
    PayerMappings all = PayerMappings.load(java.util.Optional.of(PAYERS));
    assertThat(all.all()).extracting(PayerMapping::payer)
        .containsExactly("BlueCross", "Aetna", "UnitedHealth", "Medicare", "Humana");
    assertThat(all.byFolder("bluecross").orElseThrow().source()).isEqualTo("built-in medflow/payers/bluecross.yaml");
  }

  @Test
  void brokenOptionsNameTheFileAndTheField(@TempDir Path dir) throws Exception {
    String base = Files.readString(PAYERS.resolve("cms-carrier.yaml"));
    assertThatThrownBy(() -> parse(dir, base + "rules: {MISSING_CLAIM_ID: warn}\n"))
        .hasMessageContaining("MISSING_CLAIM_ID cannot be changed per payer");
    assertThatThrownBy(() -> parse(dir, base.replace("line_number: LINE_NUM", "line_number: LINE_NO")))
        .hasMessageContaining("column 'LINE_NO', which is not in the header");
    assertThatThrownBy(() -> parse(dir, base.replace("optional: [patient_birth_date", "optional: [member_id, patient_birth_date")))
        .hasMessageContaining("optional: member_id cannot be optional");
    assertThatThrownBy(() -> parse(dir, base + "files: [.837]\n")).hasMessageContaining("quoted");
    String x12 = Files.readString(PAYERS.resolve("humana-837p.yaml"));
    assertThatThrownBy(() -> parse(dir, x12.replace("2300.CLM01", "CLAIM NUMBER")))
        .hasMessageContaining("field claim_id maps to column 'CLAIM NUMBER', which is not an X12 record key");
  }

  private static PayerMapping parse(Path dir, String yaml) throws Exception {
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, yaml);
    return PayerMappings.parseFile(f);
  }
}
