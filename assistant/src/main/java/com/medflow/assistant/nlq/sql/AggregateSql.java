package com.medflow.assistant.nlq.sql;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Having;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.semantic.ModelParts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Aggregate queries over one table: SELECT groupings and measures FROM the source WHERE filters and
 * period GROUP BY HAVING ORDER BY, then the query's transform around it (share of a total, change
 * from the previous period, count of groups, average over periods, periods compared).
 */
final class AggregateSql {
  private final Expressions x;

  AggregateSql(Expressions x) {
    this.x = x;
  }

  private String from(SemanticQuery q) {
    String table = switch (q.source()) {
      case CLAIMS, FUNNEL -> x.model().factTable();
      case QUARANTINE -> x.model().source("quarantine").table();
      case QUALITY_LOG -> x.model().source("quality_log").table();
      case BRONZE -> x.model().source("bronze").table();
    };
    boolean explode = q.source() == SemanticQuery.Source.QUARANTINE
        && q.groupings().stream().anyMatch(g -> g.dimension().equals("quality_reason"));
    return table + (explode ? " LATERAL VIEW explode(reasons) r AS reason" : "");
  }

  private List<String> where(SemanticQuery q, Period extendedTime) {
    List<String> where = new ArrayList<>();
    boolean explode = q.source() == SemanticQuery.Source.QUARANTINE
        && q.groupings().stream().anyMatch(g -> g.dimension().equals("quality_reason"));
    for (Filter f : q.filters()) {
      if (explode && f.target().equals("quality_reason")) {
        where.add("reason " + (f.op() == Filter.Op.NOT_IN ? "NOT " : "") + "IN (" + String.join(", ",
            f.values().stream().map(Expressions::literal).toList()) + ")");
      } else {
        where.add(x.condition(f, q.source()));
      }
    }
    for (Measure m : q.measures()) {
      if (m.type() == Measure.Type.METRIC) {
        x.model().metric(m.metric()).condition().ifPresent(c -> where.add("(" + c + ")"));
      }
    }
    Period t = extendedTime != null ? extendedTime : q.time();
    if (t != null) {
      where.add(Expressions.period(t, q.timeField()));
    }
    if (q.periodMode() != SemanticQuery.PeriodMode.NONE) {
      List<String> any = q.periods().stream().map(p -> Expressions.period(p, q.timeField())).toList();
      where.add(any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")");
    }
    return new ArrayList<>(new LinkedHashSet<>(where));
  }

  String compile(SemanticQuery q) {
    return switch (q.transform()) {
      case COUNT_GROUPS -> "SELECT COUNT(*) AS group_count FROM (" + grouped(q, true, null) + ") g";
      case SHARE_OF_TOTAL -> share(q);
      case CHANGE_FROM_PREVIOUS, GROWTH_FROM_PREVIOUS, CHANGE_FROM_YEAR_BEFORE, GROWTH_FROM_YEAR_BEFORE -> previous(q);
      case AVERAGE_OVER_GRAIN -> averageOverGrain(q);
      case COUNT_ROWS -> "SELECT COUNT(*) AS row_count FROM (" + compile(q.withTransform(SemanticQuery.Transform.NONE))
          + ") r";
      case NONE -> q.periodMode() == SemanticQuery.PeriodMode.DIFFERENCE
          || q.periodMode() == SemanticQuery.PeriodMode.GROWTH ? periodChange(q) : ordered(q);
    };
  }

  /** SELECT keys, measures ... GROUP BY ... HAVING ..., unordered. */
  private String grouped(SemanticQuery q, boolean countGroups, Period extendedTime) {
    List<String> select = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    for (String[] k : keys(q, countGroups)) {
      select.add(k[0].equals(k[1]) ? k[0] : k[0] + " AS " + k[1]);
      groupBy.add(k[0]);
    }
    if (!countGroups) {
      for (Measure m : q.measures()) {
        select.add(x.measure(m, q.source()) + " AS " + m.name());
      }
    }
    if (select.isEmpty()) {
      select.add("1 AS one");
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(from(q));
    List<String> where = where(q, extendedTime);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!groupBy.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", groupBy));
    }
    List<String> having = new ArrayList<>();
    for (Having h : q.having()) {
      having.add(x.having(h, q.source()));
    }
    if (q.groupings().stream().anyMatch(g -> g.dimension().equals(Grouping.BANDS))) {
      for (String[] k : keys(q, countGroups)) {
        if (k[1].endsWith("_band")) {
          having.add(k[0] + " IS NOT NULL");
        }
      }
    }
    if (!having.isEmpty()) {
      sql.append(" HAVING ").append(String.join(" AND ", having));
    }
    return sql.toString();
  }

  /** Key expressions and names: the groupings, and the period key when periods are compared as rows. */
  private List<String[]> keys(SemanticQuery q, boolean countGroups) {
    List<String[]> keys = new ArrayList<>();
    if (q.periodMode() == SemanticQuery.PeriodMode.ROWS) {
      keys.add(periodKey(q));
    } else if (q.periodMode() == SemanticQuery.PeriodMode.DIFFERENCE || q.periodMode() == SemanticQuery.PeriodMode.GROWTH) {
      StringBuilder sb = new StringBuilder("CASE");
      for (int i = 0; i < q.periods().size(); i++) {
        sb.append(" WHEN ").append(Expressions.period(q.periods().get(i), q.timeField())).append(" THEN ").append(i + 1);
      }
      keys.add(new String[] {sb.append(" END").toString(), "period_index"});
    }
    for (Grouping g : q.groupings()) {
      keys.add(x.grouping(g, q.timeField(), countGroups));
    }
    return keys;
  }

  /** Periods of one calendar unit are keyed by that grain's column; others by their label. */
  private String[] periodKey(SemanticQuery q) {
    Period.Unit unit = q.periods().get(0).unit();
    boolean same = q.periods().stream().allMatch(p -> p.unit() == unit);
    if (same && (unit == Period.Unit.YEAR || unit == Period.Unit.QUARTER || unit == Period.Unit.MONTH)) {
      String grain = unit.name().toLowerCase(java.util.Locale.ROOT);
      return x.grouping(Grouping.grain(grain), q.timeField(), false);
    }
    // "this year so far vs the prior year": each period within one calendar year, a different one each
    boolean withinYears = q.periods().stream().allMatch(p -> !p.openStart() && p.from().getYear() == p.to().getYear())
        && q.periods().stream().map(p -> p.from().getYear()).distinct().count() == q.periods().size();
    if (withinYears) {
      return x.grouping(Grouping.grain("year"), q.timeField(), false);
    }
    StringBuilder sb = new StringBuilder("CASE");
    for (Period p : q.periods()) {
      sb.append(" WHEN ").append(Expressions.period(p, q.timeField())).append(" THEN ").append(Expressions.literal(p.label()));
    }
    return new String[] {sb.append(" END").toString(), "period"};
  }

  /** The grouped query with its order: ranked (with ties when asked), else by time, then by the keys. */
  private String ordered(SemanticQuery q) {
    String base = grouped(q, false, null);
    List<String[]> keys = keys(q, false);
    Ranking r = q.ranking();
    if (r != null && !keys.isEmpty()) {
      String dir = r.descending() ? " DESC" : " ASC";
      if (r.ties() || r.only()) {
        List<String> cols = columns(q);
        return "SELECT " + String.join(", ", cols) + " FROM (SELECT *, " + (r.only() ? "DENSE_RANK()" : "RANK()")
            + " OVER (ORDER BY " + r.by().name() + dir + ") AS position FROM (" + base + ") b) t WHERE position "
            + (r.only() ? "= " : "<= ") + r.limit() + " ORDER BY " + r.by().name() + dir + ", " + keys.get(0)[1];
      }
      return base + " ORDER BY " + r.by().name() + dir + ", " + String.join(", ", keys.stream().map(k -> k[1]).toList())
          + (r.limit() == null ? "" : " LIMIT " + r.limit());
    }
    if (keys.isEmpty()) {
      return base;
    }
    List<String> order = new ArrayList<>();
    for (String[] k : keys) {
      order.add(k[1].endsWith("_band") ? bandOrder(q, k) : k[1]);
    }
    return base + " ORDER BY " + String.join(", ", order);
  }

  /** Bands come in the order the question wrote them. */
  private String bandOrder(SemanticQuery q, String[] key) {
    for (Grouping g : q.groupings()) {
      if (g.dimension().equals(Grouping.BANDS)) {
        StringBuilder sb = new StringBuilder("CASE " + key[1]);
        for (int i = 0; i < g.bands().size(); i++) {
          sb.append(" WHEN ").append(Expressions.literal(g.bands().get(i).label())).append(" THEN ").append(i + 1);
        }
        return sb.append(" END").toString();
      }
    }
    return key[1];
  }

  private List<String> columns(SemanticQuery q) {
    List<String> cols = new ArrayList<>();
    keys(q, false).forEach(k -> cols.add(k[1]));
    q.measures().forEach(m -> cols.add(m.name()));
    return cols;
  }

  /** Each group's measure and its share of the total (within the first grouping when there are two). */
  private String share(SemanticQuery q) {
    String base = grouped(q, false, null);
    List<String[]> keys = keys(q, false);
    Measure m = q.measures().get(0);
    String partition = keys.size() > 1 ? "PARTITION BY " + keys.get(0)[1] : "";
    List<String> cols = new ArrayList<>(keys.stream().map(k -> k[1]).toList());
    String order = q.ranking() == null ? String.join(", ", cols)
        : "share" + (q.ranking().descending() ? " DESC" : " ASC") + ", " + String.join(", ", cols);
    String shares = "SELECT " + String.join(", ", cols) + ", " + m.name() + ", CAST(" + m.name() + " AS DOUBLE) / NULLIF(SUM("
        + m.name() + ") OVER (" + partition + "), 0) AS share FROM (" + base + ") b";
    if (q.ranking() != null && q.ranking().only()) {
      // "the payer with the second biggest share": every group in that place
      String picked = String.join(", ", cols) + ", " + m.name() + ", share";
      return "SELECT " + picked + " FROM (SELECT *, DENSE_RANK() OVER (ORDER BY share" + (q.ranking().descending()
          ? " DESC" : " ASC") + ") AS position FROM (" + shares + ") s) t WHERE position = " + q.ranking().limit()
          + " ORDER BY " + order;
    }
    return shares + " ORDER BY " + order + (q.ranking() != null && q.ranking().limit() != null ? " LIMIT "
        + q.ranking().limit() : "");
  }

  /** Per time bucket: the measure and its change (or growth) from the calendar bucket before. */
  private String previous(SemanticQuery q) {
    Grouping grain = q.groupings().stream().filter(Grouping::isGrain).findFirst().orElseThrow();
    boolean yearBefore = q.transform() == SemanticQuery.Transform.CHANGE_FROM_YEAR_BEFORE
        || q.transform() == SemanticQuery.Transform.GROWTH_FROM_YEAR_BEFORE;
    int offset = !yearBefore ? 1 : grain.grain().equals("month") ? 12 : grain.grain().equals("quarter") ? 4 : 1;
    Period extended = null;
    if (q.time() != null) {
      LocalDate from = yearBefore ? q.time().from().withDayOfMonth(1).minusYears(1) : switch (grain.grain()) {
        case "month" -> q.time().from().withDayOfMonth(1).minusMonths(1);
        case "quarter" -> q.time().from().withDayOfMonth(1).minusMonths(3);
        default -> q.time().from().withDayOfYear(1).minusYears(1);
      };
      extended = new Period(from, q.time().to(), q.time().label(), Period.Unit.OPEN, q.time().relative(), false);
    }
    String base = grouped(q, false, extended);
    String[] g = x.grouping(grain, q.timeField(), false);
    List<String> others = new ArrayList<>();
    for (Grouping o : q.groupings()) {
      if (!o.isGrain()) {
        others.add(x.grouping(o, q.timeField(), false)[1]);
      }
    }
    Measure m = q.measures().get(0);
    String partition = others.isEmpty() ? "" : "PARTITION BY " + String.join(", ", others) + " ";
    String lag = "LAG(" + m.name() + (offset == 1 ? "" : ", " + offset) + ") OVER (" + partition + "ORDER BY " + g[1] + ")";
    boolean difference = q.transform() == SemanticQuery.Transform.CHANGE_FROM_PREVIOUS
        || q.transform() == SemanticQuery.Transform.CHANGE_FROM_YEAR_BEFORE;
    String change = difference
        ? m.name() + " - " + lag + " AS change"
        : "CAST(" + m.name() + " - " + lag + " AS DOUBLE) / NULLIF(" + lag + ", 0) AS growth";
    List<String> cols = new ArrayList<>(others);
    cols.add(g[1]);
    String inner = "SELECT " + String.join(", ", cols) + ", " + m.name() + ", " + change + " FROM (" + base + ") b";
    String outer = "SELECT * FROM (" + inner + ") c";
    if (q.time() != null) {
      String start = grain.grain().equals("year") ? Integer.toString(q.time().from().getYear())
          : "DATE '" + startOf(grain.grain(), q.time().from()) + "'";
      outer += " WHERE " + g[1] + " >= " + start;
    }
    if (q.ranking() != null) {
      // "which month had the biggest drop": the periods ranked by their change
      String col = difference ? "change" : "growth";
      String dir = q.ranking().descending() ? " DESC" : " ASC";
      String picked = String.join(", ", cols) + ", " + m.name() + ", " + col;
      boolean only = q.ranking().only();
      String ranked = "SELECT " + picked + ", " + (only ? "DENSE_RANK()" : "RANK()") + " OVER (ORDER BY " + col + dir
          + ") AS position FROM (" + outer + (q.time() != null ? " AND " : " WHERE ") + col + " IS NOT NULL) r";
      return "SELECT " + picked + " FROM (" + ranked + ") t" + (q.ranking().limit() == null ? ""
          : " WHERE position " + (only ? "= " : "<= ") + q.ranking().limit()) + " ORDER BY " + col + dir + ", "
          + String.join(", ", cols);
    }
    return outer + " ORDER BY " + String.join(", ", cols);
  }

  private static LocalDate startOf(String grain, LocalDate d) {
    return grain.equals("quarter") ? LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1) : d.withDayOfMonth(1);
  }

  /** The measure per time bucket, averaged over the buckets (per other grouping). */
  private String averageOverGrain(SemanticQuery q) {
    String base = grouped(q, false, null);
    List<String> others = new ArrayList<>();
    for (Grouping o : q.groupings()) {
      if (!o.isGrain()) {
        others.add(x.grouping(o, q.timeField(), false)[1]);
      }
    }
    Measure m = q.measures().get(0);
    String grain = q.groupings().stream().filter(Grouping::isGrain).findFirst().orElseThrow().grain();
    String select = (others.isEmpty() ? "" : String.join(", ", others) + ", ") + "AVG(" + m.name() + ") AS avg_"
        + m.name() + "_per_" + grain;
    return "SELECT " + select + " FROM (" + base + ") b" + (others.isEmpty() ? ""
        : " GROUP BY " + String.join(", ", others) + " ORDER BY " + String.join(", ", others));
  }

  /** Two periods: each period's measure, the difference (later − earlier) and the growth. */
  private String periodChange(SemanticQuery q) {
    String base = grouped(q, false, null);
    List<String> others = new ArrayList<>();
    for (Grouping o : q.groupings()) {
      others.add(x.grouping(o, q.timeField(), false)[1]);
    }
    List<String> select = new ArrayList<>(others);
    for (Measure m : q.measures()) {
      String a = "MAX(CASE WHEN period_index = 1 THEN " + m.name() + " END)";
      String b = "MAX(CASE WHEN period_index = 2 THEN " + m.name() + " END)";
      select.add(a + " AS " + m.name() + "_first");
      select.add(b + " AS " + m.name() + "_second");
      select.add(b + " - " + a + " AS " + m.name() + "_change");
      if (q.periodMode() == SemanticQuery.PeriodMode.GROWTH) {
        select.add("CAST(" + b + " - " + a + " AS DOUBLE) / NULLIF(" + a + ", 0) AS " + m.name() + "_growth");
      }
    }
    return "SELECT " + String.join(", ", select) + " FROM (" + base + ") b" + (others.isEmpty() ? ""
        : " GROUP BY " + String.join(", ", others) + " ORDER BY " + String.join(", ", others));
  }

  static String dimensionColumn(ModelParts.Dimension d) {
    return d.column();
  }
}
