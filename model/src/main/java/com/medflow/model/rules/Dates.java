package com.medflow.model.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Strict date parsing for the payer date patterns and the plausibility rule of INVALID_DATE. */
public final class Dates {
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private Dates() {}

  /**
   * A strict formatter for a pattern such as {@code MM/dd/yyyy} ({@code yyyy} is read as proleptic year).
   * Month names ({@code dd-MMM-yyyy}: {@code 30-May-2015}) are English and read in any letter case.
   */
  public static DateTimeFormatter formatter(String pattern) {
    return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern(pattern.replace("yyyy", "uuuu")).toFormatter(java.util.Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  public static Optional<LocalDate> parse(String text, DateTimeFormatter formatter) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.trim(), formatter));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Not before 1900 and not after {@code today}. */
  public static boolean plausible(LocalDate date, LocalDate today) {
    return !date.isBefore(EARLIEST) && !date.isAfter(today);
  }
}
