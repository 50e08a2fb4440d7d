package com.medflow.assistant.nlq.time;

import static java.util.Objects.requireNonNull;

/**
 * A period and the tokens [start, end) of the question that name it; for a range ("from 2024 to 2025")
 * also its two ends, which a question about change compares.
 */
public record TimeSpan(int start, int end, Period period, java.util.List<Period> endpoints) {
  public TimeSpan {
    requireNonNull(period, "period is null");
    endpoints = java.util.List.copyOf(endpoints);
    if (end <= start) {
      throw new IllegalArgumentException("Invalid token span: " + start + ".." + end);
    }
  }

  public TimeSpan(int start, int end, Period period) {
    this(start, end, period, java.util.List.of());
  }
}
