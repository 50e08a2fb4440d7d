package com.medflow.query.engine;

import java.time.Duration;

/** A query ran longer than allowed; its Spark jobs were cancelled ({@link #stopped()}: and have ended). */
public final class QueryTimeoutException extends RuntimeException {
  private final boolean stopped;

  public QueryTimeoutException(Duration timeout, boolean stopped) {
    super("The query took longer than " + seconds(timeout) + " and was cancelled"
        + (stopped ? "" : "; it is still stopping") + ". Narrow it (filter, aggregate, fewer joins) or ask an admin"
        + " to raise query.timeout.");
    this.stopped = stopped;
  }

  public boolean stopped() {
    return stopped;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
        d.toMillis() / 1000.0);
  }
}
