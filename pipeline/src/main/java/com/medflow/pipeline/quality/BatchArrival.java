package com.medflow.pipeline.quality;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Preconditions;
import java.time.Instant;

/** One payer's batch as bronze holds it: when it arrived (first ingested row) and how many rows it has. */
public record BatchArrival(String payer, String batchId, Instant arrivedAt, long rows) {
  public BatchArrival {
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(arrivedAt, "arrivedAt is null");
    Preconditions.checkArgument(rows >= 0, "Invalid rows: %s", rows);
  }

  public String key() {
    return payer + "/" + batchId;
  }
}
