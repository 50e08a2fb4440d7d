package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

/**
 * A health-plan member.
 *
 * @param id the payer's member id
 * @param birthDay date of birth (epoch day)
 * @param age whole years on 2025-01-01
 * @param sex {@code 'M'}, {@code 'F'} or {@code 'U'}
 * @param state two-letter state code
 * @param conditions bit set of chronic {@link Category} bits
 * @param pregnancyStart first day of a pregnancy overlapping the service window (epoch day), or {@link #NONE}
 * @param utilization relative chance of a claim, in (0, 1]
 */
record Member(String id, int birthDay, int age, char sex, String state, int conditions, int pregnancyStart,
    float utilization) {
  static final int NONE = Integer.MIN_VALUE;

  Member {
    requireNonNull(id, "id is null");
    requireNonNull(state, "state is null");
  }

  boolean pregnant() {
    return pregnancyStart != NONE;
  }
}
