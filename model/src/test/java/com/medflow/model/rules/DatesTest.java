package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void parsesEachPayerPattern() {
    assertThat(Dates.parse("03/14/1961", Dates.formatter("MM/dd/yyyy"))).contains(LocalDate.of(1961, 3, 14));
    assertThat(Dates.parse("2025-01-07", Dates.formatter("yyyy-MM-dd"))).contains(LocalDate.of(2025, 1, 7));
    assertThat(Dates.parse("20250107", Dates.formatter("yyyyMMdd"))).contains(LocalDate.of(2025, 1, 7));
  }

  @Test
  void rejectsImpossibleAndWronglyFormattedDates() {
    assertThat(Dates.parse("02/30/2025", Dates.formatter("MM/dd/yyyy"))).isEmpty();
    assertThat(Dates.parse("2025-13-01", Dates.formatter("yyyy-MM-dd"))).isEmpty();
    assertThat(Dates.parse("2025-01-07", Dates.formatter("MM/dd/yyyy"))).isEmpty();
    assertThat(Dates.parse("1/7/2025", Dates.formatter("MM/dd/yyyy"))).isEmpty();
    assertThat(Dates.parse("", Dates.formatter("yyyyMMdd"))).isEmpty();
  }

  @Test
  void plausibleMeansFrom1900UpToToday() {
    LocalDate today = LocalDate.of(2026, 1, 1);
    assertThat(Dates.plausible(LocalDate.of(1900, 1, 1), today)).isTrue();
    assertThat(Dates.plausible(LocalDate.of(1899, 12, 31), today)).isFalse();
    assertThat(Dates.plausible(today, today)).isTrue();
    assertThat(Dates.plausible(today.plusDays(1), today)).isFalse();
  }
}
