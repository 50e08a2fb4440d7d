package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.semantic.SemanticModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link SemanticQuery} to Spark SQL. Every fragment comes from the semantic model;
 * values are canonical values from the data or parsed numbers and dates, written as escaped
 * literals. The result still goes through the SQL guard before it runs.
 */
public final class SqlCompiler {
  private static final Set<String> NUMERIC_COLUMNS = Set.of("patient_age", "billed_amount", "paid_amount",
      "allowed_amount", "processing_days");
  private static final Map<String, String> CODE_COLUMNS = Map.of("provider_npi", "provider_npi",
      "primary_diagnosis", "primary_diagnosis");

  private final SemanticModel model;

  public SqlCompiler(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  public String compile(SemanticQuery q) {
    return q.funnel() ? funnel(q) : aggregate(q);
  }

  /** Output column name of a dimension (time grains use their column name). */
  public String column(String dimension) {
    if (dimension.startsWith(SemanticQuery.GRAIN)) {
      return model.grains().get(dimension.substring(SemanticQuery.GRAIN.length())).column();
    }
    String sql = model.dimension(dimension).sql();
    return sql.matches("[a-z_]+") ? sql : dimension;
  }

  String expression(String dimension) {
    if (dimension.startsWith(SemanticQuery.GRAIN)) {
      return model.grains().get(dimension.substring(SemanticQuery.GRAIN.length())).sql();
    }
    return model.dimension(dimension).sql();
  }

  private String aggregate(SemanticQuery q) {
    List<String> select = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    for (String d : q.dimensions()) {
      String expr = expression(d);
      String col = column(d);
      select.add(expr.equals(col) ? expr : expr + " AS " + col);
      groupBy.add(expr);
    }
    for (String m : q.metrics()) {
      select.add(model.metric(m).sql() + " AS " + m);
    }
    List<String> where = where(q, model.timeColumn());
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
        .append(" FROM ").append(model.factTable());
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!groupBy.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", groupBy));
    }
    List<String> order = new ArrayList<>();
    if (q.orderBy().isPresent() && !groupBy.isEmpty()) {
      order.add(q.orderBy().get() + (q.descending() ? " DESC" : " ASC"));
    }
    for (String d : q.dimensions()) {
      if (d.startsWith(SemanticQuery.GRAIN)) {
        order.add(order.isEmpty() || q.orderBy().isEmpty() ? column(d) : column(d));
      }
    }
    for (String d : q.dimensions()) {
      if (!d.startsWith(SemanticQuery.GRAIN)) {
        order.add(column(d));
      }
    }
    if (!order.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", order.stream().distinct().toList()));
    }
    q.limit().ifPresent(n -> {
      if (!groupBy.isEmpty()) {
        sql.append(" LIMIT ").append(n);
      }
    });
    return sql.toString();
  }

  private List<String> where(SemanticQuery q, String timeColumn) {
    List<String> where = new ArrayList<>();
    boolean denialReason = q.dimensions().contains("denial_reason")
        || q.filters().stream().anyMatch(f -> f.target().equals("denial_reason"));
    boolean statusFiltered = q.filters().stream().anyMatch(f -> f.target().equals("claim_status"));
    if (denialReason && !statusFiltered) {
      where.add("claim_status = 'DENIED'");
    }
    for (Filter f : q.filters()) {
      where.add(condition(f));
    }
    q.time().ifPresent(t -> where.add(timeColumn + " BETWEEN DATE '" + t.from() + "' AND DATE '" + t.to() + "'"));
    return where;
  }

  String condition(Filter f) {
    switch (f.op()) {
      case SQL -> {
        return model.glossary().stream().filter(g -> g.term().equals(f.target())).map(g -> g.filter()).findFirst()
            .or(() -> model.ageWords().stream().filter(a -> a.name().equals(f.target())).map(a -> a.sql()).findFirst())
            .map(s -> "(" + s + ")")
            .orElseThrow(() -> new IllegalArgumentException("Unknown filter " + f.target()));
      }
      case IN, NOT_IN -> {
        String expr = CODE_COLUMNS.containsKey(f.target()) ? CODE_COLUMNS.get(f.target()) : model.dimension(f.target()).sql();
        List<String> literals = f.values().stream().map(SqlCompiler::literal).toList();
        String not = f.op() == Filter.Op.NOT_IN ? "NOT " : "";
        if (literals.size() == 1) {
          return expr + (f.op() == Filter.Op.NOT_IN ? " <> " : " = ") + literals.get(0);
        }
        return expr + " " + not + "IN (" + String.join(", ", literals) + ")";
      }
      default -> {
        if (!NUMERIC_COLUMNS.contains(f.target())) {
          throw new IllegalArgumentException("Not a numeric column: " + f.target());
        }
        String op = switch (f.op()) {
          case GT -> " > ";
          case GE -> " >= ";
          case LT -> " < ";
          default -> " <= ";
        };
        return f.target() + op + new BigDecimal(f.values().get(0)).toPlainString();
      }
    }
  }

  /** A string literal as Spark reads it (backslash escapes). */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private String funnel(SemanticQuery q) {
    boolean goldOnly = q.filters().stream().allMatch(f -> f.target().equals("payer"))
        && q.dimensions().stream().allMatch(d -> d.equals("payer") || d.equals(SemanticQuery.GRAIN + "month"));
    List<String> dims = new ArrayList<>();
    for (String d : q.dimensions()) {
      dims.add(d.equals(SemanticQuery.GRAIN + "month") ? "service_month" : column(d));
    }
    String partition = dims.isEmpty() ? "" : "PARTITION BY " + String.join(", ", dims) + " ";
    String dimSelect = dims.isEmpty() ? "" : String.join(", ", dims) + ", ";
    if (goldOnly) {
      List<String> where = new ArrayList<>();
      for (Filter f : q.filters()) {
        where.add(condition(f));
      }
      q.time().ifPresent(t -> where.add("service_month BETWEEN DATE '" + t.from().withDayOfMonth(1) + "' AND DATE '"
          + t.to() + "'"));
      return "SELECT " + dimSelect + "stage, claim_count, CASE WHEN stage_order = 1 THEN CAST(1 AS DOUBLE) ELSE CAST(claim_count AS DOUBLE)"
          + " / NULLIF(LAG(claim_count) OVER (" + partition + "ORDER BY stage_order), 0) END AS conversion FROM (SELECT " + dimSelect
          + "stage, MIN(stage_order) AS stage_order, SUM(claim_count) AS claim_count FROM " + model.funnel().table()
          + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
          + " GROUP BY " + dimSelect + "stage) f ORDER BY " + dimSelect + "stage_order";
    }
    List<String> where = where(q, model.timeColumn());
    List<String> groupExprs = new ArrayList<>();
    List<String> selectDims = new ArrayList<>();
    for (String d : q.dimensions()) {
      groupExprs.add(expression(d));
      selectDims.add(expression(d) + (expression(d).equals(column(d)) ? "" : " AS " + column(d)));
    }
    List<String> stageDims = q.dimensions().stream().map(this::column).toList();
    String dimCols = stageDims.isEmpty() ? "" : String.join(", ", stageDims) + ", ";
    String counts = "SELECT " + (selectDims.isEmpty() ? "" : String.join(", ", selectDims) + ", ")
        + "COUNT(*) AS submitted, COUNT_IF(claim_status IN ('APPROVED', 'DENIED')) AS adjudicated,"
        + " COUNT_IF(claim_status = 'APPROVED') AS approved, COUNT_IF(claim_status = 'APPROVED' AND paid_amount > 0) AS paid"
        + " FROM " + model.factTable() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + (groupExprs.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupExprs));
    String stages = "SELECT " + dimCols + "'SUBMITTED' AS stage, 1 AS stage_order, submitted AS claim_count, submitted AS previous FROM c"
        + " UNION ALL SELECT " + dimCols + "'ADJUDICATED', 2, adjudicated, submitted FROM c"
        + " UNION ALL SELECT " + dimCols + "'APPROVED', 3, approved, adjudicated FROM c"
        + " UNION ALL SELECT " + dimCols + "'PAID', 4, paid, approved FROM c";
    return "WITH c AS (" + counts + "), s AS (" + stages + ") SELECT " + dimCols + "stage, claim_count,"
        + " CASE WHEN stage_order = 1 THEN CAST(1 AS DOUBLE) ELSE CAST(claim_count AS DOUBLE) / NULLIF(previous, 0) END AS conversion"
        + " FROM s ORDER BY " + dimCols + "stage_order";
  }
}
