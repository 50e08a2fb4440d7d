package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.codes.Hcpcs;
import com.medflow.model.codes.PlaceOfService;
import com.medflow.model.rules.DiagnosisCategory;
import com.medflow.model.rules.ProcedureCodes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalProfilesTest {
  private static final Hcpcs HCPCS = Hcpcs.load();
  private static final PlaceOfService POS = PlaceOfService.load();

  @Test
  void everyDiagnosisIsABillableCodeOfItsOwnCategory() {
    for (Category category : Category.values()) {
      for (Encounter e : ClinicalProfiles.encounters(category)) {
        for (String dx : e.diagnoses().items()) {
          assertThat(ReferenceChecks.ICD.lookup(dx)).as(dx).hasValueSatisfying(entry ->
              assertThat(entry.billable()).as(dx + " billable").isTrue());
          assertThat(DiagnosisCategory.of(dx)).as(category + " " + e.procedure() + " " + dx)
              .isEqualTo(category.label());
        }
      }
    }
  }

  @Test
  void categoryLabelsAreTheContractCategories() {
    assertThat(Arrays.stream(Category.values()).map(Category::label))
        .containsExactlyInAnyOrderElementsOf(DiagnosisCategory.names());
  }

  @Test
  void comorbidityCodesAreBillableCodesOfTheirCategory() {
    for (Category c : Category.values()) {
      if (c.chronic()) {
        assertThat(ReferenceChecks.ICD.lookup(c.comorbidityCode())).as(c.name()).isPresent();
        assertThat(DiagnosisCategory.of(c.comorbidityCode())).isEqualTo(c.label());
      }
    }
  }

  @Test
  void everyProcedureIsCptOrAnExistingHcpcsCodeAndEveryPlaceIsACmsCode() {
    for (Category category : Category.values()) {
      List<Encounter> encounters = ClinicalProfiles.encounters(category);
      assertThat(encounters).as(category.name()).isNotEmpty();
      for (Encounter e : encounters) {
        assertThat(ProcedureCodes.isValid(e.procedure())).as(e.procedure()).isTrue();
        if (ProcedureCodes.isHcpcsLevel2(e.procedure())) {
          assertThat(HCPCS.description(e.procedure())).as(e.procedure()).isPresent();
        }
        assertThat(e.places().items()).allSatisfy(p -> assertThat(POS.name(p)).as(p).isPresent());
        assertThat(e.minCents()).isPositive().isLessThanOrEqualTo(e.maxCents());
      }
    }
  }

  @Test
  void emergencyRoomServicesCanBeBilledByEmergencyPhysicians() {
    for (Category category : Category.values()) {
      for (Encounter e : ClinicalProfiles.encounters(category)) {
        if (e.places().items().contains("23")) {
          assertThat(e.specialties().items()).as(e.procedure()).contains(Specialty.EMERGENCY_MEDICINE);
        }
      }
    }
  }
}
