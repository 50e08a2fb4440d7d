package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcedureCodesTest {
  @ParameterizedTest
  @ValueSource(strings = {"99213", "99285", "83036", "93000", "G0438", "J1100", "0001U", "3074F", "0042T", "A0428",
      "V2020"})
  void acceptsCptAndHcpcsLevelTwo(String code) {
    assertThat(ProcedureCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9921", "992134", "W1234", "Z9999", "g0438", "99213 ", "ABCDE", "0001X", ""})
  void rejectsOtherShapes(String code) {
    assertThat(ProcedureCodes.isValid(code)).isFalse();
  }
}
