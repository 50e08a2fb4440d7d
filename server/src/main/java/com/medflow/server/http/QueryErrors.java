package com.medflow.server.http;

import com.medflow.query.engine.QueryCancelledException;
import com.medflow.query.engine.QueryFailedException;
import com.medflow.query.engine.QueryTimeoutException;
import com.medflow.query.engine.QueryTooExpensiveException;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.TooManyQueriesException;
import java.util.Optional;

/** The HTTP status, error code and audit outcome of each way a query can fail (docs/API.md). */
public record QueryErrors(int status, String code, String outcome) {
  public static Optional<QueryErrors> of(Throwable e) {
    if (e instanceof SqlRefusedException) {
      return Optional.of(new QueryErrors(422, "SQL_REFUSED", "refused"));
    }
    if (e instanceof QueryTooExpensiveException) {
      return Optional.of(new QueryErrors(422, "QUERY_TOO_EXPENSIVE", "too_expensive"));
    }
    if (e instanceof QueryTimeoutException) {
      return Optional.of(new QueryErrors(504, "QUERY_TIMEOUT", "timeout"));
    }
    if (e instanceof QueryCancelledException) {
      return Optional.of(new QueryErrors(409, "QUERY_CANCELLED", "cancelled"));
    }
    if (e instanceof TooManyQueriesException t) {
      return Optional.of(t.perUser() ? new QueryErrors(429, "TOO_MANY_QUERIES", "limited")
          : new QueryErrors(503, "SERVER_BUSY", "limited"));
    }
    if (e instanceof com.medflow.query.engine.EngineUnavailableException) {
      return Optional.of(new QueryErrors(503, "ENGINE_UNAVAILABLE", "unavailable"));
    }
    if (e instanceof QueryFailedException) {
      return Optional.of(new QueryErrors(422, "QUERY_FAILED", "error"));
    }
    return Optional.empty();
  }

  /** The audit outcome of any failure: the query outcome, else {@code error}. */
  public static String outcome(Throwable e) {
    return of(e).map(QueryErrors::outcome).orElse("error");
  }
}
