package com.medflow.query.engine;

import java.time.Duration;

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

  /** Throws when the engine cannot reach its catalog; used by health checks. */
  void ping();
}
