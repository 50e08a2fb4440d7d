package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

/**
 * Per payer and batch: rows through each layer, quarantine rate against the gate, reconciliation.
 * {@code rolledRows} counts the lines folded into a clean claim of another line (payers whose mapping
 * rolls claim lines up; 0 otherwise): bronze = clean + rolled + quarantined.
 */
public record PayerResult(String payer, String batchId, String sourceFile, long bronzeRows, long cleanRows,
                          long quarantinedRows, double quarantineRate, double threshold, boolean gatePassed,
                          boolean reconciled, long rolledRows) {
  public PayerResult {
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(sourceFile, "sourceFile is null");
  }

  public PayerResult(String payer, String batchId, String sourceFile, long bronzeRows, long cleanRows,
                     long quarantinedRows, double quarantineRate, double threshold, boolean gatePassed,
                     boolean reconciled) {
    this(payer, batchId, sourceFile, bronzeRows, cleanRows, quarantinedRows, quarantineRate, threshold, gatePassed,
        reconciled, 0);
  }

  public long unaccounted() {
    return bronzeRows - cleanRows - rolledRows - quarantinedRows;
  }
}
