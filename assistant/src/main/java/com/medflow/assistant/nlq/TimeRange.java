package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** An inclusive range of service dates and how the question put it ("Q1 2025", "last quarter"). */
public record TimeRange(LocalDate from, LocalDate to, String label) {
  public TimeRange {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(label, "label is null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid time range: " + from + " after " + to);
    }
  }
}
