package com.medflow.model.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Money parsing for the payer formats; every result has scale 2, failures are empty. */
public final class Amounts {
  /** How a payer writes money. */
  public enum Format {
    /** {@code $1,240.00}: optional dollar sign and thousands separators. */
    DOLLARS,
    /** {@code 1240.00}: plain decimal. */
    DECIMAL,
    /** {@code 124000}: integer cents. */
    CENTS
  }

  private static final Pattern DOLLARS = Pattern.compile("-?\\$?-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
  private static final Pattern CENTS = Pattern.compile("-?\\d+");
  /** Largest value that fits DECIMAL(12,2). */
  private static final BigDecimal MAX = new BigDecimal("9999999999.99");

  private Amounts() {}

  /** Parses {@code text} in {@code format}; empty when it is blank, malformed or out of range (sign is kept). */
  public static Optional<BigDecimal> parse(String text, Format format) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal value;
    switch (format) {
      case DOLLARS -> {
        if (!DOLLARS.matcher(t).matches() || t.indexOf('-') != t.lastIndexOf('-')) {
          return Optional.empty();
        }
        value = new BigDecimal(t.replace("$", "").replace(",", ""));
      }
      case DECIMAL -> {
        if (!DECIMAL.matcher(t).matches()) {
          return Optional.empty();
        }
        value = new BigDecimal(t);
      }
      case CENTS -> {
        if (!CENTS.matcher(t).matches() || t.length() > 15) {
          return Optional.empty();
        }
        value = new BigDecimal(t).movePointLeft(2);
      }
      default -> throw new IllegalArgumentException("Unknown amount format: " + format);
    }
    value = value.setScale(2, RoundingMode.UNNECESSARY);
    if (value.abs().compareTo(MAX) > 0) {
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
