package com.medflow.pipeline.bronze;

import static java.util.Objects.requireNonNull;

import com.medflow.pipeline.landing.PreflightResult;

/** A file written to bronze in this run, with the batch it was assigned. */
public record IngestedFile(PreflightResult preflight, String payer, String batchId) {
  public IngestedFile {
    requireNonNull(preflight, "preflight is null");
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
  }
}
