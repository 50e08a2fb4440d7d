package com.medflow.query.engine;

import com.medflow.model.TableId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Runs one already-validated read-only statement. Implementations: the long-lived Spark session
 * (embedded default); a Trino engine can plug in here. Callers never pass unvalidated text.
 */
public interface QueryEngine {
  String name();

  /**
   * Runs {@code sql} and returns at most {@code maxRows} rows ({@code truncated} when more existed).
   * Throws {@link QueryTimeoutException} after {@code timeout} and {@link QueryFailedException} on errors.
   */
  QueryResult execute(String sql, int maxRows, Duration timeout);

  /** Current snapshot id of each table (-1 for none); part of every cache key. */
  Map<TableId, Long> snapshotIds(Set<TableId> tables);

  /** Throws when the engine cannot reach its catalog; used by health checks. */
  void ping();
}
