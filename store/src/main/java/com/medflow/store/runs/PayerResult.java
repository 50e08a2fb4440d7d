package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

/** Per payer and batch: rows through each layer, quarantine rate against the gate, reconciliation. */
public record PayerResult(String payer, String batchId, String sourceFile, long bronzeRows, long cleanRows,
                          long quarantinedRows, double quarantineRate, double threshold, boolean gatePassed,
                          boolean reconciled) {
  public PayerResult {
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(sourceFile, "sourceFile is null");
  }

  public long unaccounted() {
    return bronzeRows - cleanRows - quarantinedRows;
  }
}
