package com.medflow.assistant.nlq.sql;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Having;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.rules.DiagnosisCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQL fragments of the parts of a semantic query: every fragment is the semantic model's or the metric
 * definitions' own SQL; values are canonical values or parsed numbers and dates, written as escaped
 * literals. Nothing of the question's text is copied in.
 */
final class Expressions {
  private static final Set<String> NUMERIC = Set.of("patient_age", "billed_amount", "paid_amount", "allowed_amount",
      "processing_days", "rows_failed", "rows_checked", "failure_rate");
  private static final Set<String> CODE_COLUMNS = Set.of("primary_diagnosis", "secondary_diagnosis", "provider_npi",
      "batch_id");

  private final SemanticModel model;

  Expressions(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  SemanticModel model() {
    return model;
  }

  String measure(Measure m, SemanticQuery.Source source) {
    return switch (m.type()) {
      case METRIC -> source != SemanticQuery.Source.CLAIMS && m.metric().equals("claim_count") ? "COUNT(*)"
          : model.metric(m.metric()).sql();
      case AGGREGATE -> switch (m.agg()) {
        case COUNT -> m.column() == null ? "COUNT(*)" : "COUNT(" + column(m.column()) + ")";
        case COUNT_DISTINCT -> "COUNT(DISTINCT " + column(m.column()) + ")";
        case PERCENTILE -> "percentile(" + column(m.column()) + ", " + BigDecimal.valueOf(m.fraction()).toPlainString() + ")";
        default -> m.agg().name() + "(" + column(m.column()) + ")";
      };
      case SHARE -> m.column() == null
          ? "CAST(COUNT_IF(" + condition(m.condition(), source) + ") AS DOUBLE) / NULLIF(COUNT(*), 0)"
          : "CAST(SUM(CASE WHEN " + condition(m.condition(), source) + " THEN " + column(m.column()) + " ELSE 0 END) AS DOUBLE)"
              + " / NULLIF(CAST(SUM(" + column(m.column()) + ") AS DOUBLE), 0)";
      case PER -> "CAST(" + measure(m.numerator(), source) + " AS DOUBLE) / NULLIF(COUNT(DISTINCT " + column(m.column())
          + "), 0)";
      case DIFFERENCE -> measure(m.numerator(), source) + " - " + measure(m.subtrahend(), source);
    };
  }

  /** A column name from the product's model, checked to be a plain identifier. */
  static String column(String c) {
    if (!c.matches("[a-z_]+")) {
      throw new IllegalArgumentException("Not a column: " + c);
    }
    return c;
  }

  /** SQL of a grouping and its output column name. */
  String[] grouping(Grouping g, String dateColumn, boolean countGroups) {
    if (g.isGrain()) {
      ModelParts.TimeGrain grain = model.grains().get(g.grain());
      String col = dateColumn.equals(SemanticQuery.SERVICE_DATE) ? grain.column()
          : dateColumn.replace("_date", "") + "_" + g.grain();
      return new String[] {grain.sql(dateColumn), col};
    }
    if (g.dimension().equals(Grouping.BANDS)) {
      StringBuilder sb = new StringBuilder("CASE");
      String c = column(g.column());
      for (Grouping.Band b : g.bands()) {
        List<String> parts = new ArrayList<>();
        if (b.low() != null) {
          parts.add(c + (b.lowExclusive() ? " > " : " >= ") + b.low().toPlainString());
        }
        if (b.high() != null) {
          parts.add(c + (b.highExclusive() ? " < " : " <= ") + b.high().toPlainString());
        }
        sb.append(" WHEN ").append(String.join(" AND ", parts)).append(" THEN ").append(literal(b.label()));
      }
      return new String[] {sb.append(" END").toString(), c.replace("patient_", "") + "_band"};
    }
    if (countGroups && g.column() != null) {
      return new String[] {column(g.column()), column(g.column())};
    }
    ModelParts.Dimension d = model.dimension(g.dimension());
    return new String[] {d.sql(), d.column()};
  }

  String condition(Filter f, SemanticQuery.Source source) {
    return switch (f.op()) {
      case SQL -> "(" + model.condition(f.target()).sql() + ")";
      case NOT_SQL -> "NOT (" + model.condition(f.target()).sql() + ")";
      case NOT_NULL -> column(target(f.target())) + " IS NOT NULL";
      case IS_NULL -> column(target(f.target())) + " IS NULL";
      case PREFIX -> f.target().equals("any_diagnosis") ? "(" + prefixes(retarget(f, "primary_diagnosis")) + " OR "
          + prefixes(retarget(f, "secondary_diagnosis")) + ")" : prefixes(f);
      case NOT_PREFIX -> "NOT " + condition(new Filter(f.target(), Filter.Op.PREFIX, f.values(), f.label()), source);
      case IN, NOT_IN -> in(f, source);
      case ABOVE_COLUMN, BELOW_COLUMN -> columns(f);
      default -> comparison(f);
    };
  }

  private static Filter retarget(Filter f, String column) {
    return new Filter(column, f.op(), f.values(), f.label());
  }

  private String target(String t) {
    return model.findDimension(t).map(ModelParts.Dimension::valueColumn).orElse(t);
  }

  private String in(Filter f, SemanticQuery.Source source) {
    boolean not = f.op() == Filter.Op.NOT_IN;
    if (f.target().equals("any_category")) {
      String primary = in(retarget(f, "diagnosis_category"), source);
      String secondary = in(retarget(f, "secondary_category"), source);
      return "(" + primary + " OR " + secondary + ")";
    }
    if (f.target().equals("secondary_category")) {
      List<String> parts = new ArrayList<>();
      for (String category : f.values()) {
        parts.add(secondaryCategory(category));
      }
      String any = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
      return not ? "NOT " + any : any;
    }
    if (f.target().equals("quality_reason") && source == SemanticQuery.Source.QUARANTINE) {
      List<String> parts = f.values().stream().map(v -> "array_contains(reasons, " + literal(v) + ")").toList();
      String any = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
      return not ? "NOT " + any : any;
    }
    String expr = model.findDimension(f.target()).map(ModelParts.Dimension::valueColumn)
        .orElseGet(() -> CODE_COLUMNS.contains(f.target()) ? f.target() : null);
    if (expr == null) {
      throw new IllegalArgumentException("Unknown filter target: " + f.target());
    }
    List<String> literals = f.values().stream().map(Expressions::literal).toList();
    if (literals.size() == 1) {
      return expr + (not ? " <> " : " = ") + literals.get(0);
    }
    return expr + (not ? " NOT IN (" : " IN (") + String.join(", ", literals) + ")";
  }

  /** Codes by prefix ("E11", "N39.0") or by a range of three-character categories ("D50-D64"). */
  private static String prefixes(Filter f) {
    String c = column(f.target());
    List<String> parts = new ArrayList<>();
    for (String v : f.values()) {
      if (!v.matches("[A-Z0-9.]+(-[A-Z0-9]+)?")) {
        throw new IllegalArgumentException("Not a code: " + v);
      }
      int dash = v.indexOf('-');
      parts.add(dash > 0 ? "substr(" + c + ", 1, 3) BETWEEN " + literal(v.substring(0, dash)) + " AND "
          + literal(v.substring(dash + 1)) : c + " LIKE " + literal(v + "%"));
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
  }

  /** A category of the secondary diagnosis, by the same ICD-10-CM ranges as diagnosis_category. */
  private static String secondaryCategory(String category) {
    List<String> parts = new ArrayList<>();
    for (DiagnosisCategory.Range r : DiagnosisCategory.RANGES) {
      if (r.category().equals(category)) {
        parts.add(r.first().equals(r.last()) ? "substr(secondary_diagnosis, 1, 3) = " + literal(r.first())
            : "substr(secondary_diagnosis, 1, 3) BETWEEN " + literal(r.first()) + " AND " + literal(r.last()));
      }
    }
    if (category.equals(DiagnosisCategory.OTHER)) {
      List<String> none = new ArrayList<>();
      for (DiagnosisCategory.Range r : DiagnosisCategory.RANGES) {
        none.add("substr(secondary_diagnosis, 1, 3) BETWEEN " + literal(r.first()) + " AND " + literal(r.last()));
      }
      return "(secondary_diagnosis IS NOT NULL AND NOT (" + String.join(" OR ", none) + "))";
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Unknown diagnosis category: " + category);
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
  }

  private static String comparison(Filter f) {
    if (!NUMERIC.contains(f.target())) {
      throw new IllegalArgumentException("Not a numeric column: " + f.target());
    }
    String c = f.target();
    if (f.op() == Filter.Op.BETWEEN) {
      return c + " BETWEEN " + number(f.values().get(0)) + " AND " + number(f.values().get(1));
    }
    return c + " " + op(f.op()) + " " + number(f.values().get(0));
  }

  /** "allowed_amount > billed_amount": two numeric columns of the row compared. */
  private static String columns(Filter f) {
    String other = f.values().get(0);
    if (!NUMERIC.contains(f.target()) || !NUMERIC.contains(other)) {
      throw new IllegalArgumentException("Not numeric columns: " + f.target() + ", " + other);
    }
    return f.target() + (f.op() == Filter.Op.ABOVE_COLUMN ? " > " : " < ") + other;
  }

  static String op(Filter.Op op) {
    return switch (op) {
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      case LE -> "<=";
      default -> throw new IllegalArgumentException("Not a comparison: " + op);
    };
  }

  static String number(String v) {
    return new BigDecimal(v).toPlainString();
  }

  String having(Having h, SemanticQuery.Source source) {
    String m = measure(h.measure(), source);
    if (h.op() == Filter.Op.BETWEEN) {
      return m + " BETWEEN " + h.value().toPlainString() + " AND " + h.value2().toPlainString();
    }
    return m + " " + op(h.op()) + " " + h.value().toPlainString();
  }

  /** The date condition of a period. */
  static String period(Period p, String dateColumn) {
    String c = column(dateColumn);
    if (p.openStart()) {
      return c + " <= DATE '" + p.to() + "'";
    }
    if (p.from().equals(p.to())) {
      return c + " = DATE '" + p.from() + "'";
    }
    return c + " BETWEEN DATE '" + p.from() + "' AND DATE '" + p.to() + "'";
  }

  /** A string literal as Spark reads it (backslash escapes). */
  static String literal(String value) {
    return SqlLiteral.of(value);
  }
}
