package com.medflow.query.engine;

import java.util.Locale;

/** Byte counts and row counts as people read them. */
public final class Bytes {
  private Bytes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /** 1,234,567 — or 1.2e15 when it is too large to read as digits. */
  public static String count(long n) {
    return n < 1_000_000_000_000L ? String.format(Locale.ROOT, "%,d", n) : String.format(Locale.ROOT, "%.1e", (double) n);
  }
}
