package com.medflow.assistant.nlq.query;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What a query measures. {@link Type#METRIC}: a named metric ({@code metric}) of the metric
 * definitions. {@link Type#AGGREGATE}: {@code agg} over {@code column} ({@code COUNT} over no column
 * is {@code COUNT(*)}), optionally only over rows meeting {@code condition}. {@link Type#SHARE}: the
 * fraction of rows (or of the sum of {@code column}) that meet {@code condition}. {@link Type#PER}:
 * {@code numerator} divided by the number of distinct {@code column} values ("claims per member").
 * {@link Type#DIFFERENCE}: {@code numerator} minus {@code subtrahend} ("billed minus allowed").
 */
public record Measure(Type type, String metric, Agg agg, String column, Filter condition, Double fraction,
                      Measure numerator, String label, Measure subtrahend) {
  public enum Type { METRIC, AGGREGATE, SHARE, PER, DIFFERENCE }

  public enum Agg { COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, PERCENTILE }

  public Measure {
    requireNonNull(type, "type is null");
    requireNonNull(label, "label is null");
    switch (type) {
      case METRIC -> requireNonNull(metric, "metric is null");
      case AGGREGATE -> requireNonNull(agg, "agg is null");
      case SHARE -> requireNonNull(condition, "condition is null");
      case PER -> {
        requireNonNull(numerator, "numerator is null");
        requireNonNull(column, "column is null");
      }
      case DIFFERENCE -> {
        requireNonNull(numerator, "numerator is null");
        requireNonNull(subtrahend, "subtrahend is null");
      }
      default -> throw new IllegalArgumentException("type " + type);
    }
    if (agg == Agg.PERCENTILE && (fraction == null || fraction <= 0 || fraction >= 1)) {
      throw new IllegalArgumentException("Invalid percentile: " + fraction);
    }
  }

  public static Measure metric(String name, String label) {
    return new Measure(Type.METRIC, name, null, null, null, null, null, label, null);
  }

  public static Measure aggregate(Agg agg, String column, String label) {
    return new Measure(Type.AGGREGATE, null, agg, column, null, null, null, label, null);
  }

  public static Measure percentile(String column, double fraction, String label) {
    return new Measure(Type.AGGREGATE, null, Agg.PERCENTILE, column, null, fraction, null, label, null);
  }

  public static Measure share(Filter condition, String column, String label) {
    return new Measure(Type.SHARE, null, null, column, condition, null, null, label, null);
  }

  public static Measure per(Measure numerator, String distinctColumn, String label) {
    return new Measure(Type.PER, null, null, distinctColumn, null, null, numerator, label, null);
  }

  public static Measure difference(Measure minuend, Measure subtrahend, String label) {
    return new Measure(Type.DIFFERENCE, null, null, null, null, null, minuend, label, subtrahend);
  }

  /** The column name this measure gets in the result. */
  public String name() {
    return switch (type) {
      case METRIC -> metric;
      case AGGREGATE -> switch (agg) {
        case COUNT -> column == null ? "row_count" : column + "_count";
        case COUNT_DISTINCT -> "distinct_" + column;
        case PERCENTILE -> (fraction == 0.5 ? "median" : "p" + Math.round(fraction * 100)) + "_" + column;
        default -> agg.name().toLowerCase(Locale.ROOT) + "_" + column;
      };
      case SHARE -> "share" + (column == null ? "" : "_of_" + column);
      case PER -> numerator.name() + "_per_" + column.replace("_id", "").replace("_npi", "");
      case DIFFERENCE -> numerator.name() + "_minus_" + subtrahend.name();
    };
  }

  public boolean isRate() {
    return type == Type.SHARE || type == Type.METRIC && (metric.endsWith("_rate") || metric.endsWith("_ratio"));
  }
}
