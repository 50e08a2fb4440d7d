package com.medflow.query.engine;

/**
 * Runs one already-validated read-only statement. Implementations: the long-lived Spark session
 * (embedded default); a Trino engine can plug in here. Callers never pass unvalidated text.
 */
public interface QueryEngine {
  String name();

  /** The SQL dialect the guard prints for this engine. */
  default com.medflow.query.guard.SqlDialect dialect() {
    return com.medflow.query.guard.SqlDialect.SPARK;
  }

  /**
   * Runs the query and returns at most {@code maxRows} rows ({@code truncated} when more existed, or when
   * the result reached {@code limits.maxResultBytes()}). Blocks the calling thread, which it uses to watch
   * for a cancel request ({@code handle().cancelReason()}). Throws {@link QueryTooExpensiveException} when
   * the estimated work or result is over the limits, {@link QueryTimeoutException} after the timeout,
   * {@link QueryCancelledException} when cancelled, and {@link QueryFailedException} on errors; in every
   * case the engine cancels the query's work and calls {@code handle().ended()} once that work is over.
   */
  QueryResult execute(EngineQuery query);

  /** Throws when the engine cannot reach its catalog; used by health checks. */
  void ping();
}
