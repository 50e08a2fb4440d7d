package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

/**
 * A landing file left where it is, not ingested, and why: refused (it cannot be read as its payer's format,
 * or its folder is no payer's) or held back (another new file of the same payer was refused, and batches must
 * reach bronze in arrival order). {@code payer}: the mapped payer, or the folder name of an unknown folder;
 * {@code batchId}: the batch the file would have been.
 */
public record RefusedFile(String payer, String file, String batchId, String reason) {
  public RefusedFile {
    requireNonNull(payer, "payer is null");
    requireNonNull(file, "file is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(reason, "reason is null");
  }

  /** {@code file: reason}, as in messages and the quality log's {@code detail}. */
  public String describe() {
    return file + ": " + reason;
  }
}
