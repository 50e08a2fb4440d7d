package com.medflow.query.engine;

import java.util.List;

/**
 * Rows of a query with typed columns. Values are JSON-friendly Java objects: String, Long, Double,
 * BigDecimal, Boolean, LocalDate, Instant, List, Map or null.
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, boolean truncated, long latencyMs) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int rowCount() {
    return rows.size();
  }

  public QueryResult withLatency(long ms) {
    return new QueryResult(columns, rows, truncated, ms);
  }
}
