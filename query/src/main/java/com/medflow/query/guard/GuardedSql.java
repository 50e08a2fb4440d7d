package com.medflow.query.guard;

import static java.util.Objects.requireNonNull;

import com.medflow.model.TableId;
import java.util.Set;

/**
 * A query the guard accepted.
 *
 * @param sql the SQL to run: re-printed from the parse tree (never the caller's text), table names
 *     fully qualified as {@code namespace.table}, ending with the LIMIT that will apply
 * @param tables the contract tables the query reads
 * @param maskedColumns output column names the executor must mask (empty unless the role may not
 *     see PII); compare them case-insensitively
 * @param limit the row limit in {@code sql}
 * @param limitAdded whether the guard added the LIMIT or lowered the caller's
 * @param timeTravel whether the query reads an older snapshot ({@code VERSION AS OF}, {@code TIMESTAMP AS OF})
 */
public record GuardedSql(String sql, Set<TableId> tables, Set<String> maskedColumns, int limit, boolean limitAdded,
                         boolean timeTravel) {
  public GuardedSql {
    requireNonNull(sql, "sql is null");
    tables = Set.copyOf(tables);
    maskedColumns = Set.copyOf(maskedColumns);
    if (limit < 0) {
      throw new IllegalArgumentException("limit is negative: " + limit);
    }
  }
}
