package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;

/** A batch of one payer in bronze that silver has not processed yet; {@code seq} orders batches by arrival. */
public record PendingBatch(String payer, String batchId, String sourceFile, int seq) {
  public PendingBatch {
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(sourceFile, "sourceFile is null");
  }
}
