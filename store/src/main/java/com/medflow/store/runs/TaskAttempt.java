package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One attempt of a task: the first try, a retry after a failure, or a resume. {@code finishedAt}, {@code error} may be null. */
public record TaskAttempt(String task, int attempt, TaskState state, Instant startedAt, Instant finishedAt, String error) {
  public TaskAttempt {
    requireNonNull(task, "task is null");
    requireNonNull(state, "state is null");
    requireNonNull(startedAt, "startedAt is null");
    com.medflow.model.Preconditions.checkArgument(attempt >= 1, "Invalid attempt: %s", attempt);
  }
}
