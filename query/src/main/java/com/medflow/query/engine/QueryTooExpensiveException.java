package com.medflow.query.engine;

/**
 * A query whose estimated work or result is over a configured limit, refused before it runs (or when its
 * result turned out too large). The message says which part is too big and how to narrow it.
 */
public final class QueryTooExpensiveException extends RuntimeException {
  public QueryTooExpensiveException(String message) {
    super(java.util.Objects.requireNonNull(message, "message is null"), null, false, false);
  }
}
