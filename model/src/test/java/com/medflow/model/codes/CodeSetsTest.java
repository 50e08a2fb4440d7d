package com.medflow.model.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeSetsTest {
  @Test
  void hcpcsKnowsTheAnnualWellnessVisit() {
    Hcpcs hcpcs = Hcpcs.load();
    assertThat(hcpcs.size()).isEqualTo(6_440);
    assertThat(hcpcs.description("G0438")).isPresent();
  }

  @Test
  void placeOfServiceHasShortNames() {
    PlaceOfService pos = PlaceOfService.load();
    assertThat(pos.name("11")).contains("Office");
    assertThat(pos.name("23")).hasValueSatisfying(n -> assertThat(n).startsWith("Emergency room"));
  }

  @Test
  void carcDescriptionsCoverTheCodesTheProductUses() {
    for (String code : new String[] {"16", "18", "29", "50", "96", "97", "197"}) {
      assertThat(CarcCodes.description(code)).as(code).isPresent();
    }
  }
}
