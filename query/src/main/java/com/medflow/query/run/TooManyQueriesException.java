package com.medflow.query.run;

/** A query was not started because its user, or the whole server, already runs as many as allowed. */
public final class TooManyQueriesException extends RuntimeException {
  private final boolean perUser;

  TooManyQueriesException(boolean perUser, String message) {
    super(message, null, false, false);
    this.perUser = perUser;
  }

  /** True when the caller's own limit was hit (429); false when the server is full (503). */
  public boolean perUser() {
    return perUser;
  }
}
