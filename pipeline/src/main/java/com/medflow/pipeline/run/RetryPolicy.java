package com.medflow.pipeline.run;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often a failing task is tried and how long to wait between tries: the n-th retry waits
 * {@code initialBackoff * multiplier^(n-1)}, at most {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

  public RetryPolicy {
    requireNonNull(initialBackoff, "initialBackoff is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    checkArgument(maxAttempts >= 1 && maxAttempts <= 20, "Invalid maxAttempts (1..20): %s", maxAttempts);
    checkArgument(!initialBackoff.isNegative(), "Invalid initialBackoff: %s", initialBackoff);
    checkArgument(multiplier >= 1, "Invalid multiplier (>= 1): %s", multiplier);
    checkArgument(maxBackoff.compareTo(initialBackoff) >= 0, "Invalid maxBackoff (< initialBackoff): %s", maxBackoff);
  }

  /** The wait before attempt {@code next} (2 for the first retry). */
  public Duration backoffBefore(int next) {
    checkArgument(next >= 2, "Invalid attempt to wait for: %s", next);
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, next - 2);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }
}
