package com.medflow.server.limit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding one-minute window per user: at most {@code perMinute} requests in any 60 seconds.
 * {@link #acquire} returns the seconds to wait when the user is over the limit.
 */
public final class RateLimiter {
  private static final long WINDOW_MS = 60_000;
  private final int perMinute;
  private final Clock clock;
  private final ConcurrentHashMap<String, Deque<Long>> hits = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Empty when the request may go ahead (and is counted); else seconds until it may. */
  public OptionalLong acquire(String user) {
    if (perMinute <= 0) {
      return OptionalLong.empty();
    }
    long now = clock.millis();
    Deque<Long> q = hits.computeIfAbsent(user, u -> new ArrayDeque<>());
    synchronized (q) {
      while (!q.isEmpty() && q.peekFirst() <= now - WINDOW_MS) {
        q.pollFirst();
      }
      if (q.size() >= perMinute) {
        long retryMs = q.peekFirst() + WINDOW_MS - now;
        return OptionalLong.of(Math.max(1, (retryMs + 999) / 1000));
      }
      q.addLast(now);
      return OptionalLong.empty();
    }
  }
}
