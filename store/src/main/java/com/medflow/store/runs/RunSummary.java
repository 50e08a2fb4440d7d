package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One pipeline run as listed in run history. {@code finishedAt}, {@code gatePassed} and {@code error} may be null. */
public record RunSummary(String runId, RunState state, String trigger, String landing, Instant startedAt,
                         Instant finishedAt, Boolean gatePassed, int files, long bronzeRows, long cleanRows,
                         long quarantinedRows, String error) {
  public RunSummary {
    requireNonNull(runId, "runId is null");
    requireNonNull(state, "state is null");
    requireNonNull(trigger, "trigger is null");
    requireNonNull(startedAt, "startedAt is null");
  }

  public Long durationMs() {
    return finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}
