package com.medflow.model.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.ClaimStatus;
import com.medflow.model.rules.Amounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayerMappingsTest {
  @Test
  void loadsTheThreeBuiltInPayers() {
    PayerMappings mappings = PayerMappings.load(Optional.empty());
    assertThat(mappings.all()).extracting(PayerMapping::payer).containsExactly("BlueCross", "Aetna", "UnitedHealth");

    PayerMapping uhc = mappings.byFolder("unitedhealth").orElseThrow();
    assertThat(uhc.delimiter()).isEqualTo('|');
    assertThat(uhc.quoteChar()).isEmpty();
    assertThat(uhc.amountFormat()).isEqualTo(Amounts.Format.CENTS);
    assertThat(uhc.status("04")).contains(ClaimStatus.IN_REVIEW);
    assertThat(uhc.gender("0")).contains("U");

    PayerMapping aetna = mappings.byPayer("Aetna").orElseThrow();
    assertThat(aetna.diagnosisListColumn()).contains("diagnosis_codes");
    assertThat(aetna.status("appealed")).contains(ClaimStatus.IN_REVIEW);
    assertThat(aetna.gender("Female")).contains("F");
  }

  @Test
  void aNewPayerIsOneMappingFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cigna.yaml"), """
        payer: Cigna
        folder: cigna
        format: {delimiter: ";", quote: '"', date: dd.MM.yyyy, amount: decimal}
        header: [id, member, dob, g, npi, svc, sub, done, dx, px, billed, allowed, paid, st]
        columns:
          claim_id: id
          member_id: member
          patient_birth_date: dob
          patient_gender: g
          provider_npi: npi
          service_date: svc
          submitted_date: sub
          processed_date: done
          primary_diagnosis: dx
          procedure_code: px
          billed_amount: billed
          allowed_amount: allowed
          paid_amount: paid
          claim_status: st
        statuses: {OK: APPROVED, NO: DENIED, WAIT: PENDING, APPEAL: IN_REVIEW}
        genders: {m: M, w: F, x: U}
        """);
    PayerMappings mappings = PayerMappings.load(Optional.of(dir));
    assertThat(mappings.byFolder("cigna")).hasValueSatisfying(m -> {
      assertThat(m.payer()).isEqualTo("Cigna");
      assertThat(m.delimiter()).isEqualTo(';');
      assertThat(m.gender("W")).contains("F");
    });
    assertThat(mappings.all()).hasSize(4);
  }

  @Test
  void aBrokenMappingNamesTheFileAndTheField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, """
        payer: Broken
        folder: broken
        format: {delimiter: ",", date: yyyy-MM-dd, amount: decimal}
        header: [id]
        columns: {claim_id: id, member_idd: id}
        statuses: {A: APPROVED}
        genders: {M: M}
        """);
    assertThatThrownBy(() -> PayerMappings.parseFile(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("member_idd");
  }

  @Test
  void aMappingToAColumnMissingFromTheHeaderIsRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.yaml");
    Files.writeString(file, PayerMappingsTest.class.getResource("/medflow/payers/aetna.yaml") == null ? ""
        : new String(PayerMappingsTest.class.getResourceAsStream("/medflow/payers/aetna.yaml").readAllBytes())
            .replace("claim_id: claim_number", "claim_id: claim_no"));
    assertThatThrownBy(() -> PayerMappings.parseFile(file))
        .hasMessageContaining("claim_no")
        .hasMessageContaining("not in the header");
  }
}
