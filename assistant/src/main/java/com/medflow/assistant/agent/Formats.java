package com.medflow.assistant.agent;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers read in explanations: rates as percentages, money with a dollar sign, days with one decimal. */
final class Formats {
  private Formats() {}

  static String value(Object v, String format) {
    if (v == null) {
      return "no value (nothing to divide by)";
    }
    if (!(v instanceof Number n)) {
      return String.valueOf(v);
    }
    double d = n.doubleValue();
    return switch (format == null ? "" : format) {
      case "rate" -> String.format(Locale.ROOT, "%.1f%%", 100 * d);
      case "money" -> String.format(Locale.ROOT, "$%,.2f", v instanceof BigDecimal b ? b.doubleValue() : d);
      case "days" -> String.format(Locale.ROOT, "%.1f days", d);
      case "integer" -> String.format(Locale.ROOT, "%,d", n.longValue());
      default -> d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) d)
          : String.format(Locale.ROOT, "%,.4f", d);
    };
  }
}
