package com.medflow.config;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week, in UTC): {@code *},
 * numbers, ranges {@code a-b}, lists {@code a,b} and steps {@code *}{@code /n} or {@code a-b/n};
 * day-of-week 0 or 7 is Sunday. When both day fields are restricted, either may match (as cron does).
 */
public final class CronSchedule {
  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private CronSchedule(String expression, String[] f) {
    this.expression = expression;
    this.minutes = field(f[0], 0, 59, "minute");
    this.hours = field(f[1], 0, 23, "hour");
    this.days = field(f[2], 1, 31, "day of month");
    this.months = field(f[3], 1, 12, "month");
    BitSet w = field(f[4], 0, 7, "day of week");
    if (w.get(7)) {
      w.set(0);
    }
    this.weekdays = w;
    this.anyDay = f[2].equals("*");
    this.anyWeekday = f[4].equals("*");
  }

  public static CronSchedule parse(String expression) {
    requireNonNull(expression, "expression is null");
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("Invalid cron expression (5 fields: minute hour day month weekday): "
          + expression);
    }
    return new CronSchedule(expression.trim(), f);
  }

  private static BitSet field(String spec, int min, int max, String name) {
    BitSet out = new BitSet(max + 1);
    for (String part : spec.split(",")) {
      try {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int lo;
        int hi;
        if (range.equals("*")) {
          lo = min;
          hi = max;
        } else if (range.contains("-")) {
          lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
          hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
        } else {
          lo = Integer.parseInt(range);
          hi = slash >= 0 ? max : lo;
        }
        if (lo < min || hi > max || lo > hi || step < 1) {
          throw new IllegalArgumentException();
        }
        for (int i = lo; i <= hi; i += step) {
          out.set(i);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid cron " + name + " field: " + part + " (allowed " + min + "-" + max + ")");
      }
    }
    return out;
  }

  /** The first time strictly after {@code after} that matches (UTC, minute precision). */
  public java.time.Instant next(java.time.Instant after) {
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (int i = 0; i < 366 * 24 * 60 * 5; i++) { // five years of minutes: every valid expression matches sooner
      if (matches(t)) {
        return t.toInstant();
      }
      t = t.plusMinutes(1);
    }
    throw new IllegalStateException("Cron expression never matches: " + expression);
  }

  private boolean matches(ZonedDateTime t) {
    if (!minutes.get(t.getMinute()) || !hours.get(t.getHour()) || !months.get(t.getMonthValue())) {
      return false;
    }
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    if (anyDay || anyWeekday) {
      return day && weekday;
    }
    return day || weekday;
  }

  @Override
  public String toString() {
    return expression;
  }
}
