package com.medflow.query.engine;

/** The engine could not run a validated query (for example a type error); the message is safe to show. */
public final class QueryFailedException extends RuntimeException {
  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
