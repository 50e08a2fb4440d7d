package com.medflow.pipeline.demo;

/** Allocation-light number formatting for the hot loop. */
final class Text {
  private static final String ZEROS = "0000000000000000000";

  private Text() {}

  /** {@code value} zero-padded to at least {@code width} digits ({@code value >= 0}). */
  static String pad(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : ZEROS.substring(0, width - s.length()) + s;
  }

  static void appendPadded(StringBuilder sb, int value, int width) {
    for (int p = width - 1, d = pow10(p); p >= 0; p--, d /= 10) {
      sb.append((char) ('0' + (value / d) % 10));
    }
  }

  private static int pow10(int p) {
    int r = 1;
    for (int i = 0; i < p; i++) {
      r *= 10;
    }
    return r;
  }

  /** {@code 1240.00} (or {@code -45.00}). */
  static String decimal(long cents) {
    StringBuilder sb = new StringBuilder(12);
    long abs = Math.abs(cents);
    if (cents < 0) {
      sb.append('-');
    }
    sb.append(abs / 100).append('.');
    appendPadded(sb, (int) (abs % 100), 2);
    return sb.toString();
  }

  /** {@code $1,240.00} (or {@code -$45.00}). */
  static String dollars(long cents) {
    StringBuilder sb = new StringBuilder(14);
    long abs = Math.abs(cents);
    if (cents < 0) {
      sb.append('-');
    }
    sb.append('$');
    String whole = Long.toString(abs / 100);
    int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
    sb.append(whole, 0, first);
    for (int i = first; i < whole.length(); i += 3) {
      sb.append(',').append(whole, i, i + 3);
    }
    sb.append('.');
    appendPadded(sb, (int) (abs % 100), 2);
    return sb.toString();
  }
}
