package com.medflow.pipeline.run;

/** A run failed; the message says which task and why, and the run id is recorded in run history. */
public final class PipelineException extends RuntimeException {
  private final String runId;

  public PipelineException(String runId, String message, Throwable cause) {
    super(message, cause);
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }
}
