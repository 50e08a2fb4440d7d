package com.medflow.query.engine.cost;

/** Arithmetic on estimates that stops at a ceiling instead of overflowing. */
final class Saturating {
  static final long CEILING = Long.MAX_VALUE / 4;

  private Saturating() {}

  static long add(long a, long b) {
    return Math.min(CEILING, Math.max(0, a) + Math.max(0, b));
  }

  static long multiply(long a, long b) {
    if (a <= 0 || b <= 0) {
      return 0;
    }
    return a > CEILING / b ? CEILING : Math.min(CEILING, a * b);
  }

  static long pow(long base, int exponent) {
    long r = 1;
    for (int k = 0; k < exponent; k++) {
      r = multiply(r, Math.max(1, base));
    }
    return r;
  }

  static long of(scala.math.BigInt v) {
    return v.bitLength() > 61 ? CEILING : Math.max(0, v.toLong());
  }
}
