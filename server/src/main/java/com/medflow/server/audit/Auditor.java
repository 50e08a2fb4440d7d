package com.medflow.server.audit;

import static java.util.Objects.requireNonNull;

import com.medflow.server.http.Principal;
import com.medflow.store.audit.AuditEntry;
import com.medflow.store.audit.AuditStore;
import java.time.Clock;
import java.util.UUID;

/** Writes one audit entry per query, question, refusal and login. */
public final class Auditor {
  private final AuditStore store;
  private final Clock clock;

  public Auditor(AuditStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

  /** Ids sort in the order entries were written: millis, then a per-process sequence, then randomness. */
  private String nextId(java.time.Instant at) {
    return String.format(java.util.Locale.ROOT, "%013d-%09d-%s", at.toEpochMilli(), sequence.incrementAndGet(),
        UUID.randomUUID().toString().substring(0, 8));
  }

  public void record(Principal who, String kind, String question, String sql, String outcome, Long rows,
                     Long latencyMs, String detail) {
    java.time.Instant at = clock.instant();
    store.record(new AuditEntry(nextId(at), at, who == null ? null : who.username(),
        who == null ? null : who.role().wireName(), kind, question, sql, outcome, rows, latencyMs,
        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000)));
  }

  public AuditStore store() {
    return store;
  }
}
