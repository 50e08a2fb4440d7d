package com.medflow.assistant.nlq.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** A condition on a grouped measure: {@code HAVING measure op value} ("providers with more than 50 claims"). */
public record Having(Measure measure, Filter.Op op, BigDecimal value, BigDecimal value2, String label) {
  public Having {
    requireNonNull(measure, "measure is null");
    requireNonNull(op, "op is null");
    requireNonNull(value, "value is null");
    requireNonNull(label, "label is null");
    if (op == Filter.Op.BETWEEN) {
      requireNonNull(value2, "value2 is null");
    }
  }
}
