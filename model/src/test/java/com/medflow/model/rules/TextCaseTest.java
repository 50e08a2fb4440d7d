package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCaseTest {
  @Test
  void titleCasesCapitalsKeepingAcronymsAndSmallWords() {
    assertThat(TextCase.title("LAKESIDE FAMILY MEDICINE, PC")).isEqualTo("Lakeside Family Medicine, PC");
    assertThat(TextCase.title("OBSTETRICS AND GYNECOLOGY")).isEqualTo("Obstetrics and Gynecology");
    assertThat(TextCase.title("O'BRIEN HEART CENTER LLC")).isEqualTo("O'brien Heart Center LLC");
    assertThat(TextCase.title("JOSÉ MÜLLER MD")).isEqualTo("José Müller MD");
  }
}
