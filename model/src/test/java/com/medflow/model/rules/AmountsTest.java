package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.rules.Amounts.Format;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"$1,240.00;1240.00", "$310.55;310.55", "$0.00;0.00", "1,240.5;1240.50",
      "$12,345,678.90;12345678.90", "-$5.00;-5.00", " $7 ;7.00"})
  void parsesDollarAmounts(String text, String expected) {
    assertThat(Amounts.parse(text, Format.DOLLARS)).contains(new BigDecimal(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$1,24.00", "$1.234", "12.3.4", "$", "abc", "$1,240.00x", "--5", "1 240.00"})
  void rejectsMalformedDollarAmounts(String text) {
    assertThat(Amounts.parse(text, Format.DOLLARS)).isEmpty();
  }

  @Test
  void parsesPlainDecimals() {
    assertThat(Amounts.parse("1240.00", Format.DECIMAL)).contains(new BigDecimal("1240.00"));
    assertThat(Amounts.parse("99", Format.DECIMAL)).contains(new BigDecimal("99.00"));
    assertThat(Amounts.parse("$99.00", Format.DECIMAL)).isEmpty();
    assertThat(Amounts.parse("1,240.00", Format.DECIMAL)).isEmpty();
  }

  @Test
  void parsesIntegerCents() {
    assertThat(Amounts.parse("124000", Format.CENTS)).contains(new BigDecimal("1240.00"));
    assertThat(Amounts.parse("5", Format.CENTS)).contains(new BigDecimal("0.05"));
    assertThat(Amounts.parse("1240.00", Format.CENTS)).isEmpty();
  }

  @Test
  void keepsTheSignSoTheRuleCanRejectNegatives() {
    assertThat(Amounts.parse("-124000", Format.CENTS)).contains(new BigDecimal("-1240.00"));
  }

  @Test
  void blankAndNullAreEmpty() {
    assertThat(Amounts.parse("", Format.DECIMAL)).isEmpty();
    assertThat(Amounts.parse("  ", Format.DOLLARS)).isEmpty();
    assertThat(Amounts.parse(null, Format.CENTS)).isEmpty();
  }

  @Test
  void rejectsValuesTooLargeForTheColumnType() {
    assertThat(Amounts.parse("99999999999.00", Format.DECIMAL)).isEmpty();
  }
}
