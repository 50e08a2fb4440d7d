package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {
  @Test
  void acceptsTheCmsExampleNpi() {
    assertThat(Npi.isValid("1234567893")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890", "1234567894", "123456789", "12345678930", "12345678a3", " 1234567893", ""})
  void rejectsWrongCheckDigitLengthOrCharacters(String npi) {
    assertThat(Npi.isValid(npi)).isFalse();
  }

  @Test
  void rejectsNull() {
    assertThat(Npi.isValid(null)).isFalse();
  }

  @Test
  void checkDigitCompletesAValidNpi() {
    for (String nine : new String[] {"123456789", "100000000", "199999999", "987654321"}) {
      assertThat(Npi.isValid(nine + Npi.checkDigit(nine))).as(nine).isTrue();
    }
  }
}
