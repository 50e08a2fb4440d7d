package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Something that happened to a run besides its tasks: resumed, cancel requested, backfill batches. */
public record RunEvent(Instant at, String kind, String detail) {
  public static final String RESUMED = "resumed";
  public static final String CANCEL_REQUESTED = "cancel_requested";
  public static final String BACKFILL = "backfill";
  public static final String TASK_RUN = "task_run";
  /** A landing file refused as a whole; detail "file: reason". */
  public static final String FILE_REFUSED = "file_refused";
  /** A landing file held back because its payer has a refused file; detail "file: reason". */
  public static final String FILE_HELD = "file_held";

  public RunEvent {
    requireNonNull(at, "at is null");
    requireNonNull(kind, "kind is null");
  }
}
