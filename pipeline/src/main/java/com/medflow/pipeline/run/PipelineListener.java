package com.medflow.pipeline.run;

import com.medflow.store.runs.TaskState;

/** Hears a run's progress; the CLI draws it on the terminal. Calls come from the thread running the pipeline. */
public interface PipelineListener {
  default void runStarted(String runId, long expectedRows) {}

  default void taskStarted(PipelineTask task) {}

  default void taskFinished(PipelineTask task, TaskState state, Long rows, String detail, long millis) {}

  /** An attempt of a task begins (1 for the first); code run here counts as part of the attempt. */
  default void attemptStarted(PipelineTask task, int attempt) {}

  /** A task failed and is tried again after {@code wait}. */
  default void taskRetrying(PipelineTask task, int nextAttempt, java.time.Duration wait, String why) {}

  PipelineListener NONE = new PipelineListener() {};
}
