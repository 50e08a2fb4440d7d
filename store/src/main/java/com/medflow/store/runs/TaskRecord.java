package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One task of a run: state, timings, rows handled and a human-readable detail. Times and rows may be null. */
public record TaskRecord(String name, int order, TaskState state, Instant startedAt, Instant finishedAt, Long rows,
                         String detail) {
  public TaskRecord {
    requireNonNull(name, "name is null");
    requireNonNull(state, "state is null");
  }

  public Long durationMs() {
    return startedAt == null || finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}
