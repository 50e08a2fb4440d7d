package com.medflow.model.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Icd10CmTest {
  private static Icd10Cm codes;

  @BeforeAll
  static void load() {
    codes = Icd10Cm.load();
  }

  @Test
  void shipsTheWholeFy2022CodeSet() {
    assertThat(codes.size()).isEqualTo(95_524);
  }

  @ParameterizedTest
  @ValueSource(strings = {"E11.9", "E119", "e11.9", "I10", "J45.909", "S72.001A", "Z00.00", "E11", " E11.9 "})
  void acceptsCodesOfTheSetWithOrWithoutDot(String code) {
    assertThat(codes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"E11.99", "XYZ", "E1.19", "E11.9.1", "E11.", "I10.0", "", "Z99.999"})
  void rejectsCodesNotInTheSetOrMisplacedDots(String code) {
    assertThat(codes.isValid(code)).isFalse();
  }

  @Test
  void formatsWithDotAfterTheThirdCharacter() {
    assertThat(Icd10Cm.format("E119")).isEqualTo("E11.9");
    assertThat(Icd10Cm.format("I10")).isEqualTo("I10");
    assertThat(Icd10Cm.format("S72001A")).isEqualTo("S72.001A");
  }

  @Test
  void knowsDescriptions() {
    assertThat(codes.lookup("E11.9")).hasValueSatisfying(e -> {
      assertThat(e.billable()).isTrue();
      assertThat(e.shortDescription()).containsIgnoringCase("diabetes");
    });
  }
}
