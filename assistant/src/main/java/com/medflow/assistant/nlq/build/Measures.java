package com.medflow.assistant.nlq.build;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import java.util.Locale;
import java.util.Optional;

/** Makes {@link Measure}s from model elements, preferring the named metric an aggregation is. */
final class Measures {
  private final SemanticModel model;

  Measures(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  SemanticModel model() {
    return model;
  }

  /** {@code agg} ("avg", "sum", "min", "max", "median", "p90") over a numeric column. */
  Optional<Measure> of(String column, String agg) {
    ModelParts.MeasureColumn m = model.measure(column).orElse(null);
    String label = m == null ? column.replace('_', ' ') : m.label();
    if (m != null && m.metrics().containsKey(agg)) {
      String metric = m.metrics().get(agg);
      return Optional.of(Measure.metric(metric, model.metric(metric).label()));
    }
    return switch (agg) {
      case "avg" -> Optional.of(Measure.aggregate(Measure.Agg.AVG, column, "average " + label));
      case "sum" -> Optional.of(Measure.aggregate(Measure.Agg.SUM, column, "total " + label));
      case "min" -> Optional.of(Measure.aggregate(Measure.Agg.MIN, column, "lowest " + label));
      case "max" -> Optional.of(Measure.aggregate(Measure.Agg.MAX, column, "highest " + label));
      case "median" -> Optional.of(Measure.percentile(column, 0.5, "median " + label));
      default -> {
        if (agg.matches("p\\d{1,2}")) {
          int p = Integer.parseInt(agg.substring(1));
          yield p > 0 && p < 100 ? Optional.of(Measure.percentile(column, p / 100.0, ordinal(p) + " percentile of "
              + label)) : Optional.empty();
        }
        yield Optional.empty();
      }
    };
  }

  Measure defaultFor(String column) {
    return of(column, model.measure(column).map(ModelParts.MeasureColumn::defaultAgg).orElse("sum")).orElseThrow();
  }

  Measure metric(String name) {
    return Measure.metric(name, model.metric(name).label());
  }

  Measure count(String entity) {
    return metric(model.entity(entity).countMetric());
  }

  Measure claims() {
    return count("claims");
  }

  /** Distinct values of a dimension's column ("how many states"). */
  Optional<Measure> distinct(String dimension) {
    ModelParts.Dimension d = model.dimension(dimension);
    if (!d.sql().matches("[a-z_]+") || d.source().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Measure.aggregate(Measure.Agg.COUNT_DISTINCT, d.sql(), "distinct " + plural(d.label())));
  }

  /** Rows meeting a condition among all rows in scope ("what percent of claims are pending"). */
  Measure share(Filter condition, String column) {
    return Measure.share(condition, column, "share " + (column == null ? "of claims" : "of " + label(column)) + " with "
        + condition.label());
  }

  /** The column a measure aggregates ("total paid" is over paid_amount), or empty. */
  Optional<String> columnOf(Measure m) {
    if (m.column() != null && m.type() == Measure.Type.AGGREGATE) {
      return Optional.of(m.column());
    }
    if (m.type() == Measure.Type.METRIC) {
      for (ModelParts.MeasureColumn c : model.measures().values()) {
        if (c.metrics().containsValue(m.metric())) {
          return Optional.of(c.column());
        }
      }
    }
    return Optional.empty();
  }

  boolean isCount(Measure m) {
    return m.type() == Measure.Type.METRIC && m.metric().endsWith("_count") || m.type() == Measure.Type.METRIC
        && m.metric().startsWith("unique_") || m.type() == Measure.Type.AGGREGATE && (m.agg() == Measure.Agg.COUNT
        || m.agg() == Measure.Agg.COUNT_DISTINCT);
  }

  boolean isSum(Measure m) {
    return m.type() == Measure.Type.AGGREGATE && m.agg() == Measure.Agg.SUM
        || m.type() == Measure.Type.METRIC && m.metric().startsWith("total_");
  }

  boolean isAverage(Measure m) {
    return m.type() == Measure.Type.AGGREGATE && m.agg() == Measure.Agg.AVG
        || m.type() == Measure.Type.METRIC && m.metric().startsWith("avg_");
  }

  String label(String column) {
    return model.measure(column).map(ModelParts.MeasureColumn::label).orElse(column.replace('_', ' '));
  }

  static String plural(String s) {
    return s.endsWith("s") ? s : s.endsWith("y") ? s.substring(0, s.length() - 1) + "ies" : s + "s";
  }

  static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
