package com.medflow.pipeline.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws service dates in the service window with seasonality (by month), the weekly rhythm of the setting,
 * quiet public holidays in offices and 6% more volume in 2025 than in 2024.
 */
final class ServiceCalendar {
  private final int firstDay;
  private final int lastDay;
  private final double[][][] cumulative = new double[Season.values().length][Setting.values().length][];

  ServiceCalendar(int firstDay, int lastDay) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  int firstDay() {
    return firstDay;
  }

  int lastDay() {
    return lastDay;
  }

  int sample(Season season, Setting setting, SplittableRandom rng) {
    double[] c = cumulative[season.ordinal()][setting.ordinal()];
    if (c == null) {
      c = build(season, setting);
      cumulative[season.ordinal()][setting.ordinal()] = c;
    }
    double u = rng.nextDouble() * c[c.length - 1];
    int lo = 0;
    int hi = c.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (c[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return firstDay + lo;
  }

  private double[] build(Season season, Setting setting) {
    double[] c = new double[lastDay - firstDay + 1];
    double sum = 0;
    for (int d = firstDay; d <= lastDay; d++) {
      LocalDate date = LocalDate.ofEpochDay(d);
      double w = season.month(date.getMonthValue()) * setting.weight(date.getDayOfWeek());
      if (date.getYear() >= 2025) {
        w *= 1.06;
      }
      if (setting == Setting.OFFICE && holiday(date)) {
        w *= 0.05;
      }
      sum += w;
      c[d - firstDay] = sum;
    }
    return c;
  }

  private static boolean holiday(LocalDate d) {
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    return m == 1 && day == 1 || m == 7 && day == 4 || m == 12 && day == 25
        || m == 11 && d.getDayOfWeek() == java.time.DayOfWeek.THURSDAY && day >= 22 && day <= 28;
  }
}
