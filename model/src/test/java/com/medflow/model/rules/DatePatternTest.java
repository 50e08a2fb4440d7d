package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePatternTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', nullValues = "none", value = {
      "MM/dd/yyyy;03/14/1961;1961-03-14", "MM/dd/yyyy;02/29/2024;2024-02-29", "MM/dd/yyyy;02/29/2025;none",
      "MM/dd/yyyy;13/01/2025;none", "MM/dd/yyyy;1/7/2025;none", "MM/dd/yyyy;01-07-2025;none",
      "MM/dd/yyyy; 01/07/2025 ;2025-01-07", "yyyy-MM-dd;2025-01-07;2025-01-07", "yyyy-MM-dd;2025-1-07;none",
      "yyyy-MM-dd;2025-00-10;none", "yyyyMMdd;20250107;2025-01-07", "yyyyMMdd;2025010;none",
      "yyyyMMdd;2025O107;none", "dd.MM.yyyy;07.01.2025;2025-01-07", "d MMM yyyy;7 Jan 2025;2025-01-07"})
  void parsesExactlyWhatAStrictFormatterParses(String pattern, String text, String expected) {
    DatePattern p = new DatePattern(pattern);
    if (expected == null) {
      assertThat(p.parse(text)).isEmpty();
    } else {
      assertThat(p.parse(text)).contains(LocalDate.parse(expected));
    }
    assertThat(p.parse(text)).isEqualTo(Dates.parse(text, Dates.formatter(pattern)));
  }
}
