package com.medflow.query;

import static java.util.Objects.requireNonNull;

import com.medflow.model.TableId;
import com.medflow.query.engine.QueryResult;
import java.util.Set;

/** A query that ran (or came from the cache): the SQL actually run, the tables read, and the (masked) rows. */
public record SqlAnswer(String sql, Set<TableId> tables, QueryResult result, boolean cached, long latencyMs) {
  public SqlAnswer {
    requireNonNull(sql, "sql is null");
    tables = Set.copyOf(tables);
    requireNonNull(result, "result is null");
  }
}
