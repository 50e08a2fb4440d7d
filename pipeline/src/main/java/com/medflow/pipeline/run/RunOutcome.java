package com.medflow.pipeline.run;

import static java.util.Objects.requireNonNull;

import com.medflow.pipeline.bronze.SkippedFile;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskRecord;
import java.util.List;

/** What a finished run did, for the terminal summary and for tests. */
public record RunOutcome(String runId, RunState state, List<String> ingestedFiles, List<SkippedFile> skippedFiles,
                         List<BatchStats> stats, List<PayerResult> payers, List<String> gateFailures,
                         List<TaskRecord> tasks, long bronzeRows, long cleanRows, long quarantinedRows,
                         long totalMillis) {
  public RunOutcome {
    requireNonNull(runId, "runId is null");
    requireNonNull(state, "state is null");
    ingestedFiles = List.copyOf(ingestedFiles);
    skippedFiles = List.copyOf(skippedFiles);
    stats = List.copyOf(stats);
    payers = List.copyOf(payers);
    gateFailures = List.copyOf(gateFailures);
    tasks = List.copyOf(tasks);
  }

  public boolean gatePassed() {
    return gateFailures.isEmpty();
  }
}
