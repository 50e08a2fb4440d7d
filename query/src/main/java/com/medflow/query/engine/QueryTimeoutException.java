package com.medflow.query.engine;

/** A query ran longer than allowed and was cancelled. */
public final class QueryTimeoutException extends RuntimeException {
  public QueryTimeoutException(java.time.Duration timeout) {
    super("The query took longer than " + timeout.toSeconds() + " s and was cancelled");
  }
}
