package com.medflow.store.runs;

/** Outcome of a pipeline run. */
public enum RunState {
  RUNNING, SUCCEEDED, FAILED, GATE_FAILED, NOTHING_TO_DO, CANCELLED;

  public boolean finished() {
    return this != RUNNING;
  }
}
