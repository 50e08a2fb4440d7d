package com.medflow.lake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/** One Iceberg snapshot of a table. */
public record SnapshotInfo(long snapshotId, Long parentId, Instant committedAt, String operation,
                           Map<String, String> summary) {
  public SnapshotInfo {
    requireNonNull(committedAt, "committedAt is null");
    summary = Map.copyOf(summary);
  }
}
