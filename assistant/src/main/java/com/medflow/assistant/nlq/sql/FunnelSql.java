package com.medflow.assistant.nlq.sql;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.SemanticQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval funnel: stage counts summed over months and payers, and each stage's conversion from
 * the one before (1.0 for SUBMITTED). Read from the gold table when the question filters or groups only
 * by payer and month; computed from claims_clean with the same stage definitions otherwise.
 */
final class FunnelSql {
  private final Expressions x;

  FunnelSql(Expressions x) {
    this.x = x;
  }

  String compile(SemanticQuery q) {
    boolean goldOnly = q.filters().stream().allMatch(f -> f.target().equals("payer"))
        && q.groupings().stream().allMatch(g -> g.dimension().equals("payer") || g.isGrain() && g.grain().equals("month"))
        && q.timeField().equals(SemanticQuery.SERVICE_DATE) && q.periodMode() == SemanticQuery.PeriodMode.NONE;
    List<String> dims = new ArrayList<>();
    for (Grouping g : q.groupings()) {
      dims.add(x.grouping(g, q.timeField(), false)[1]);
    }
    String partition = dims.isEmpty() ? "" : "PARTITION BY " + String.join(", ", dims) + " ";
    String dimSelect = dims.isEmpty() ? "" : String.join(", ", dims) + ", ";
    String conversion = "CASE WHEN stage_order = 1 THEN CAST(1 AS DOUBLE) ELSE CAST(claim_count AS DOUBLE) / NULLIF(";
    if (goldOnly) {
      List<String> where = new ArrayList<>();
      for (Filter f : q.filters()) {
        where.add(x.condition(f, SemanticQuery.Source.CLAIMS));
      }
      if (q.time() != null) {
        where.add(q.time().openStart() ? "service_month <= DATE '" + q.time().to() + "'"
            : "service_month BETWEEN DATE '" + q.time().from().withDayOfMonth(1) + "' AND DATE '" + q.time().to() + "'");
      }
      return "SELECT " + dimSelect + "stage, claim_count, " + conversion + "LAG(claim_count) OVER (" + partition
          + "ORDER BY stage_order), 0) END AS conversion FROM (SELECT " + dimSelect
          + "stage, MIN(stage_order) AS stage_order, SUM(claim_count) AS claim_count FROM " + x.model().funnel().table()
          + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " GROUP BY " + dimSelect + "stage) f ORDER BY "
          + dimSelect + "stage_order";
    }
    List<String> where = new ArrayList<>();
    for (Filter f : q.filters()) {
      where.add(x.condition(f, SemanticQuery.Source.CLAIMS));
    }
    if (q.time() != null) {
      where.add(Expressions.period(q.time(), q.timeField()));
    }
    List<String> selectDims = new ArrayList<>();
    List<String> groupExprs = new ArrayList<>();
    for (Grouping g : q.groupings()) {
      String[] k = x.grouping(g, q.timeField(), false);
      selectDims.add(k[0].equals(k[1]) ? k[0] : k[0] + " AS " + k[1]);
      groupExprs.add(k[0]);
    }
    String counts = "SELECT " + (selectDims.isEmpty() ? "" : String.join(", ", selectDims) + ", ")
        + x.model().metric("claim_count").sql() + " AS submitted, " + x.model().metric("adjudicated_count").sql()
        + " AS adjudicated, " + x.model().metric("approved_count").sql() + " AS approved,"
        + " COUNT_IF(claim_status = 'APPROVED' AND paid_amount > 0) AS paid FROM " + x.model().factTable()
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + (groupExprs.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupExprs));
    String stages = "SELECT " + dimSelect + "'SUBMITTED' AS stage, 1 AS stage_order, submitted AS claim_count, submitted AS"
        + " previous FROM c UNION ALL SELECT " + dimSelect + "'ADJUDICATED', 2, adjudicated, submitted FROM c"
        + " UNION ALL SELECT " + dimSelect + "'APPROVED', 3, approved, adjudicated FROM c"
        + " UNION ALL SELECT " + dimSelect + "'PAID', 4, paid, approved FROM c";
    return "WITH c AS (" + counts + "), s AS (" + stages + ") SELECT " + dimSelect + "stage, claim_count, " + conversion
        + "previous, 0) END AS conversion FROM s ORDER BY " + dimSelect + "stage_order";
  }
}
