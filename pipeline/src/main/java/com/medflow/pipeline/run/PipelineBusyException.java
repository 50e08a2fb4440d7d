package com.medflow.pipeline.run;

/** Another run holds the pipeline lock. */
public final class PipelineBusyException extends RuntimeException {
  public PipelineBusyException(String holder) {
    super("Another pipeline run is in progress: " + holder);
  }
}
