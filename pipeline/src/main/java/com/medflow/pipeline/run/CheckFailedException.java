package com.medflow.pipeline.run;

/** A verification task found the data wrong: a fact about the data, so the task is not retried. */
public final class CheckFailedException extends IllegalStateException {
  public CheckFailedException(String message) {
    super(message);
  }
}
