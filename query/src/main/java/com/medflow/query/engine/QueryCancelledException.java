package com.medflow.query.engine;

/** A running query was cancelled on request (by its owner, an admin, or because its client went away). */
public final class QueryCancelledException extends RuntimeException {
  private final boolean stopped;

  public QueryCancelledException(String reason, boolean stopped) {
    super("The query was cancelled (" + reason + ")" + (stopped ? "" : "; it is still stopping"));
    this.stopped = stopped;
  }

  /** Whether its work had really ended when the caller was answered. */
  public boolean stopped() {
    return stopped;
  }
}
