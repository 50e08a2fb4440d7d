package com.medflow.store.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One audited event: who, when, in what role, what they asked or ran, and how it ended.
 * {@code kind} is sql, ask or login; {@code outcome} ok, refused, unanswerable, error, denied or limited.
 */
public record AuditEntry(String id, Instant at, String username, String role, String kind, String question, String sql,
                         String outcome, Long rows, Long latencyMs, String detail) {
  public AuditEntry {
    requireNonNull(id, "id is null");
    requireNonNull(at, "at is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(outcome, "outcome is null");
  }
}
