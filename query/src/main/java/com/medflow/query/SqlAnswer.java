package com.medflow.query;

import static java.util.Objects.requireNonNull;

import com.medflow.model.TableId;
import com.medflow.query.engine.QueryResult;
import java.util.Set;

/**
 * A query that ran (or came from the cache): the SQL actually run (in the dialect of {@code engine}), the tables
 * read, the (masked) rows, and the engine that answered ({@code spark} or {@code trino}).
 */
public record SqlAnswer(String sql, Set<TableId> tables, QueryResult result, boolean cached, long latencyMs,
                        String engine) {
  public SqlAnswer {
    requireNonNull(sql, "sql is null");
    tables = Set.copyOf(tables);
    requireNonNull(result, "result is null");
    requireNonNull(engine, "engine is null");
  }

  /** An answer of the Spark engine. */
  public SqlAnswer(String sql, Set<TableId> tables, QueryResult result, boolean cached, long latencyMs) {
    this(sql, tables, result, cached, latencyMs, "spark");
  }
}
