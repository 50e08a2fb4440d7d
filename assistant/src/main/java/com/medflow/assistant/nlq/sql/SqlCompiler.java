package com.medflow.assistant.nlq.sql;

import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.semantic.SemanticModel;

/**
 * The one place a {@link SemanticQuery} becomes Spark SQL. Fragments come from the semantic model and
 * the metric definitions; values are escaped literals of canonical values. The SQL still goes through
 * the SQL guard for the caller's role before it runs.
 */
public final class SqlCompiler {
  private final Expressions expressions;
  private final AggregateSql aggregates;
  private final FunnelSql funnel;

  public SqlCompiler(SemanticModel model) {
    this.expressions = new Expressions(model);
    this.aggregates = new AggregateSql(expressions);
    this.funnel = new FunnelSql(expressions);
  }

  public String compile(SemanticQuery q) {
    return q.source() == SemanticQuery.Source.FUNNEL ? funnel.compile(q) : aggregates.compile(q);
  }

  /** The output column of a grouping (for charts and explanations). */
  public String column(com.medflow.assistant.nlq.query.Grouping g, String dateColumn) {
    return expressions.grouping(g, dateColumn, false)[1];
  }
}
