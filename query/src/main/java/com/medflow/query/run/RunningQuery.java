package com.medflow.query.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One query that holds a place in {@link RunningQueries} from the moment it is admitted until its work has
 * really ended (a query that was cancelled but is still stopping keeps its place). The engine runs it in
 * the Spark job group {@link #jobGroup()} and the fair-scheduler pool {@link #pool()}, polls
 * {@link #cancelReason()} while it waits, and calls {@link #ended()} when its work is over.
 */
public final class RunningQuery {
  /** {@code running}: working; {@code cancelling}: cancelled or timed out, its work still stopping. */
  public enum State { RUNNING, CANCELLING }

  private final String id;
  private final QueryCaller caller;
  private final String sql;
  private final Instant startedAt;
  private final long startNanos = System.nanoTime();
  private final BooleanSupplier callerGone;
  private final Runnable onEnd;
  private final java.util.concurrent.atomic.AtomicBoolean endedOnce = new java.util.concurrent.atomic.AtomicBoolean();
  private final CountDownLatch end = new CountDownLatch(1);
  private volatile String cancelReason;
  private volatile boolean stopping;

  RunningQuery(String id, QueryCaller caller, String sql, Instant startedAt, BooleanSupplier callerGone, Runnable onEnd) {
    this.id = requireNonNull(id, "id is null");
    this.caller = requireNonNull(caller, "caller is null");
    this.sql = requireNonNull(sql, "sql is null");
    this.startedAt = requireNonNull(startedAt, "startedAt is null");
    this.callerGone = requireNonNull(callerGone, "callerGone is null");
    this.onEnd = requireNonNull(onEnd, "onEnd is null");
  }

  public String id() {
    return id;
  }

  public QueryCaller caller() {
    return caller;
  }

  public String sql() {
    return sql;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  public State state() {
    return stopping || cancelReason != null ? State.CANCELLING : State.RUNNING;
  }

  /** The Spark job group (and job tag) of every job this query submits. */
  public String jobGroup() {
    return "medflow-query-" + id;
  }

  /** The FAIR scheduler pool of its user: one user's work shares slots fairly with everyone else's. */
  public String pool() {
    return "user-" + caller.user().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
  }

  /** Asks the engine to cancel the query; the first reason wins. */
  public void requestCancel(String reason) {
    requireNonNull(reason, "reason is null");
    synchronized (this) {
      if (cancelReason == null) {
        cancelReason = reason;
      }
    }
  }

  /**
   * Why the query must stop, if it must: a cancel request, or (checked here, on the waiting thread) a
   * caller that is no longer connected.
   */
  public Optional<String> cancelReason() {
    if (cancelReason == null && callerGone.getAsBoolean()) {
      requestCancel("the client closed the connection");
    }
    return Optional.ofNullable(cancelReason);
  }

  /** The caller gave up on the result (timeout or cancel); the work may still be stopping. */
  public void markStopping() {
    stopping = true;
  }

  /** The query's work is over: its place is freed. Idempotent. */
  public void ended() {
    if (endedOnce.compareAndSet(false, true)) {
      onEnd.run(); // the place is freed before anyone waiting on the end is released
      end.countDown();
    }
  }

  public boolean hasEnded() {
    return end.getCount() == 0;
  }

  /** Waits up to {@code timeout} for {@link #ended()}; true when the work has ended. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return end.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
