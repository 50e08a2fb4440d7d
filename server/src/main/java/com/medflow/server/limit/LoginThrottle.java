package com.medflow.server.limit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Failed logins counted in a sliding window per user name and per client address. An attempt is counted
 * (as a failure) when it is let through, before the password is checked, so parallel guesses cannot exceed
 * the limit; a successful login takes its own count back and clears the user name's failures. When either
 * count has reached its limit the attempt is refused without checking the password, and {@link #acquire}
 * says how many seconds remain until the oldest counted failure leaves the window.
 */
public final class LoginThrottle {
  private static final int MAX_KEYS = 100_000;
  private final int perUser;
  private final int perAddress;
  private final long windowMs;
  private final Clock clock;
  private final Map<String, Deque<Long>> users = new HashMap<>();
  private final Map<String, Deque<Long>> addresses = new HashMap<>();

  public LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.windowMs = requireNonNull(window, "window is null").toMillis();
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** One attempt let through: {@link #succeeded} it when the password was right. */
  public record Attempt(String user, String address, long at) {}

  /** The result of {@link #acquire}: an attempt to make, or the seconds to wait. */
  public record Decision(Attempt attempt, OptionalLong retryAfterSeconds) {
    public boolean allowed() {
      return retryAfterSeconds.isEmpty();
    }
  }

  public synchronized Decision acquire(String username, String address) {
    long now = clock.millis();
    String user = userKey(username);
    String addr = address == null ? "-" : address;
    Deque<Long> u = window(users, user, now);
    Deque<Long> a = window(addresses, addr, now);
    long wait = 0;
    if (perUser > 0 && u.size() >= perUser) {
      wait = Math.max(wait, u.peekFirst() + windowMs - now);
    }
    if (perAddress > 0 && a.size() >= perAddress) {
      wait = Math.max(wait, a.peekFirst() + windowMs - now);
    }
    if (wait > 0) {
      return new Decision(null, OptionalLong.of(Math.max(1, (wait + 999) / 1000)));
    }
    if (users.size() > MAX_KEYS || addresses.size() > MAX_KEYS) {
      sweep(now);
    }
    u.addLast(now);
    a.addLast(now);
    users.put(user, u);
    addresses.put(addr, a);
    return new Decision(new Attempt(user, addr, now), OptionalLong.empty());
  }

  /** The password was right: the user name's failures are forgotten and this attempt is not counted. */
  public synchronized void succeeded(Attempt attempt) {
    users.remove(attempt.user());
    Deque<Long> a = addresses.get(attempt.address());
    if (a != null) {
      a.removeLastOccurrence(attempt.at());
      if (a.isEmpty()) {
        addresses.remove(attempt.address());
      }
    }
  }

  private Deque<Long> window(Map<String, Deque<Long>> map, String key, long now) {
    Deque<Long> q = map.getOrDefault(key, new ArrayDeque<>());
    while (!q.isEmpty() && q.peekFirst() <= now - windowMs) {
      q.pollFirst();
    }
    return q;
  }

  private void sweep(long now) {
    for (Map<String, Deque<Long>> map : java.util.List.of(users, addresses)) {
      map.values().removeIf(q -> {
        while (!q.isEmpty() && q.peekFirst() <= now - windowMs) {
          q.pollFirst();
        }
        return q.isEmpty();
      });
    }
  }

  private static String userKey(String username) {
    String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return u.length() > 64 ? u.substring(0, 64) : u;
  }
}
