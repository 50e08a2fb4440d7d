package com.medflow.pipeline.run;

import com.medflow.store.runs.TaskState;

/** Hears a run's progress; the CLI draws it on the terminal. Calls come from the thread running the pipeline. */
public interface PipelineListener {
  default void runStarted(String runId, long expectedRows) {}

  default void taskStarted(PipelineTask task) {}

  default void taskFinished(PipelineTask task, TaskState state, Long rows, String detail, long millis) {}

  PipelineListener NONE = new PipelineListener() {};
}
