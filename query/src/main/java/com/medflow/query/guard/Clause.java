package com.medflow.query.guard;

/** The clause an expression is in, for personal-data rules and messages. */
enum Clause {
  SELECT("an expression of the SELECT list"), SUBQUERY_SELECT("the SELECT list of a subquery or CTE"),
  WHERE("WHERE"), JOIN("a JOIN condition"), GROUP_BY("GROUP BY"), HAVING("HAVING"), ORDER_BY("ORDER BY"),
  WINDOW("a window (OVER ...)"), LATERAL_VIEW("LATERAL VIEW"), FILTER("a FILTER clause"), DISTINCT("SELECT DISTINCT");

  final String where;

  Clause(String where) {
    this.where = where;
  }
}
