package com.medflow.query.run;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The queries running in this process: admission under a global and a per-user bound, listing for
 * {@code GET /api/queries}, cancellation by id. A query keeps its place until its work has really ended,
 * so a user whose cancelled queries are still stopping cannot start more and pile up stuck work.
 *
 * <p>The HTTP layer binds, per request thread, a check of whether its client is still connected
 * ({@link #watchCaller}); a query admitted on that thread polls it while it waits and is cancelled when
 * the client has gone.
 */
public final class RunningQueries {
  private final int maxConcurrent;
  private final int maxPerUser;
  private final Clock clock;
  private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();
  private final ThreadLocal<BooleanSupplier> callerGone = new ThreadLocal<>();

  public RunningQueries(int maxConcurrent, int maxPerUser, Clock clock) {
    if (maxConcurrent < 1 || maxPerUser < 1) {
      throw new IllegalArgumentException("Invalid query concurrency limits: " + maxConcurrent + ", " + maxPerUser);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxPerUser = maxPerUser;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Takes a place for one query, or says why not. */
  public RunningQuery admit(QueryCaller caller, String sql) {
    requireNonNull(caller, "caller is null");
    BooleanSupplier gone = Optional.ofNullable(callerGone.get()).orElse(() -> false);
    synchronized (this) {
      long mine = running.values().stream().filter(q -> q.caller().user().equals(caller.user())).count();
      if (mine >= maxPerUser) {
        throw new TooManyQueriesException(true, "You already have " + mine + " quer" + (mine == 1 ? "y" : "ies")
            + " running (at most " + maxPerUser + " at once, query.max-concurrent-per-user); wait for "
            + (mine == 1 ? "it" : "one") + " to finish or cancel it");
      }
      if (running.size() >= maxConcurrent) {
        throw new TooManyQueriesException(false, "The server is running " + running.size()
            + " queries, as many as it runs at once (query.max-concurrent); try again in a moment");
      }
      String id = caller.requestedId().orElseGet(() -> UUID.randomUUID().toString());
      if (running.containsKey(id)) {
        throw new IllegalArgumentException("A query with id " + id + " is already running");
      }
      RunningQuery q = new RunningQuery(id, caller, sql, clock.instant(), gone, () -> running.remove(id));
      running.put(id, q);
      return q;
    }
  }

  /** Oldest first. */
  public List<RunningQuery> list() {
    List<RunningQuery> all = new ArrayList<>(running.values());
    all.sort(Comparator.comparing(RunningQuery::startedAt).thenComparing(RunningQuery::id));
    return all;
  }

  public Optional<RunningQuery> get(String id) {
    return Optional.ofNullable(running.get(id));
  }

  /** Requests the cancellation of query {@code id}; false when no such query runs. */
  public boolean cancel(String id, String reason) {
    RunningQuery q = running.get(id);
    if (q == null) {
      return false;
    }
    q.requestCancel(reason);
    return true;
  }

  /**
   * Binds {@code gone} (is this thread's client disconnected?) to the current thread until the returned
   * handle is closed. Only the bound thread calls it, so it may touch that request's connection.
   */
  public Binding watchCaller(BooleanSupplier gone) {
    requireNonNull(gone, "gone is null");
    callerGone.set(gone);
    return callerGone::remove;
  }

  /** A thread binding; closing it never throws. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
