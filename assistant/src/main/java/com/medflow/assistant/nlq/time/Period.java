package com.medflow.assistant.nlq.time;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * An inclusive range of dates as a question named it: {@code label} in words ("Q1 2025", "last
 * quarter"), its {@code unit} when it is exactly one calendar year, quarter or month (so two
 * periods of one unit compare by that grain), whether it was relative to the latest date, and
 * whether it has no lower bound ("before 2025": {@code from} is then the earliest date in the data).
 */
public record Period(LocalDate from, LocalDate to, String label, Unit unit, boolean relative, boolean openStart) {
  public enum Unit { YEAR, QUARTER, MONTH, DAY, OPEN }

  public Period {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(label, "label is null");
    requireNonNull(unit, "unit is null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid period: " + from + " after " + to);
    }
  }

  public static Period year(int y, String label, boolean relative) {
    return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), label, Unit.YEAR, relative, false);
  }

  public static Period quarter(int y, int q, String label, boolean relative) {
    LocalDate from = LocalDate.of(y, (q - 1) * 3 + 1, 1);
    return new Period(from, from.plusMonths(3).minusDays(1), label, Unit.QUARTER, relative, false);
  }

  public static Period month(int y, int m, String label, boolean relative) {
    LocalDate from = LocalDate.of(y, m, 1);
    return new Period(from, from.plusMonths(1).minusDays(1), label, Unit.MONTH, relative, false);
  }

  public static Period day(LocalDate d, String label) {
    return new Period(d, d, label, Unit.DAY, false, false);
  }

  public Period withLabel(String newLabel) {
    return new Period(from, to, newLabel, unit, relative, openStart);
  }

  /** A range from the start of one period to the end of another, as one open period. */
  public static Period span(Period a, Period b, String label) {
    return new Period(a.from(), b.to(), label, Unit.OPEN, a.relative() || b.relative(), a.openStart());
  }
}
