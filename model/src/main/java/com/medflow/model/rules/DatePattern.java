package com.medflow.model.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Strict parsing for a payer date pattern. Fixed-width numeric patterns made of {@code yyyy},
 * {@code MM}, {@code dd} and literal separators ({@code MM/dd/yyyy}, {@code yyyy-MM-dd},
 * {@code yyyyMMdd}) are read digit by digit, several times faster than a formatter; any other
 * pattern falls back to a strict {@link DateTimeFormatter}. Both accept exactly the same texts.
 */
public final class DatePattern {
  private final String pattern;
  private final int yearAt;
  private final int monthAt;
  private final int dayAt;
  private final DateTimeFormatter fallback;

  public DatePattern(String pattern) {
    this.pattern = pattern;
    int y = pattern.indexOf("yyyy");
    int m = pattern.indexOf("MM");
    int d = pattern.indexOf("dd");
    String rest = pattern.replace("yyyy", "").replace("MM", "").replace("dd", "");
    boolean simple = y >= 0 && m >= 0 && d >= 0 && rest.chars().noneMatch(Character::isLetterOrDigit)
        && pattern.length() == rest.length() + 8;
    this.yearAt = simple ? y : -1;
    this.monthAt = m;
    this.dayAt = d;
    this.fallback = simple ? null : Dates.formatter(pattern);
  }

  public Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (fallback != null) {
      return Dates.parse(t, fallback);
    }
    if (t.length() != pattern.length()) {
      return Optional.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      char p = pattern.charAt(i);
      char c = t.charAt(i);
      boolean digitSlot = p == 'y' || p == 'M' || p == 'd';
      if (digitSlot ? c < '0' || c > '9' : c != p) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(LocalDate.of(number(t, yearAt, 4), number(t, monthAt, 2), number(t, dayAt, 2)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(String t, int at, int width) {
    int n = 0;
    for (int i = at; i < at + width; i++) {
      n = n * 10 + (t.charAt(i) - '0');
    }
    return n;
  }
}
