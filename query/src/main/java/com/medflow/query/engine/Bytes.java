package com.medflow.query.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /**
   * About the bytes a result value takes in the JSON answer: UTF-8 strings with their quotes, lists and maps
   * with their separators, decimals by their digits, 4 for null and 24 for any other value.
   */
  public static long json(Object v) {
    if (v == null) {
      return 4;
    }
    if (v instanceof String s) {
      return utf8Length(s) + 2L;
    }
    if (v instanceof List<?> list) {
      long n = 2;
      for (Object x : list) {
        n += json(x) + 1;
      }
      return n;
    }
    if (v instanceof Map<?, ?> map) {
      long n = 2;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += json(String.valueOf(e.getKey())) + json(e.getValue()) + 2;
      }
      return n;
    }
    if (v instanceof BigDecimal d) {
      return d.precision() + 2L;
    }
    return 24;
  }

  /** The bytes of one result row in the JSON answer: its values, separators and brackets. */
  public static long jsonRow(List<Object> row) {
    long n = 2;
    for (Object v : row) {
      n += json(v) + 1;
    }
    return n;
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
