package com.medflow.pipeline.run;

import static java.util.Objects.requireNonNull;

import com.medflow.pipeline.bronze.SkippedFile;
import com.medflow.pipeline.landing.RefusedFile;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskRecord;
import java.util.List;

/**
 * What a finished run did, for the terminal summary and for tests. {@code refusedFiles}: landing files refused
 * as a whole (unreadable, or in no payer's folder); {@code heldFiles}: readable files held back because their
 * payer has a refused file. {@code cleanRows} counts each claim once, though several batches of the run carry it.
 */
public record RunOutcome(String runId, RunState state, List<String> ingestedFiles, List<SkippedFile> skippedFiles,
                         List<BatchStats> stats, List<PayerResult> payers, List<String> gateFailures,
                         List<TaskRecord> tasks, long bronzeRows, long cleanRows, long quarantinedRows,
                         long totalMillis, List<RefusedFile> refusedFiles, List<RefusedFile> heldFiles) {
  public RunOutcome(String runId, RunState state, List<String> ingestedFiles, List<SkippedFile> skippedFiles,
                    List<BatchStats> stats, List<PayerResult> payers, List<String> gateFailures,
                    List<TaskRecord> tasks, long bronzeRows, long cleanRows, long quarantinedRows, long totalMillis) {
    this(runId, state, ingestedFiles, skippedFiles, stats, payers, gateFailures, tasks, bronzeRows, cleanRows,
        quarantinedRows, totalMillis, List.of(), List.of());
  }

  public RunOutcome {
    requireNonNull(runId, "runId is null");
    requireNonNull(state, "state is null");
    ingestedFiles = List.copyOf(ingestedFiles);
    skippedFiles = List.copyOf(skippedFiles);
    stats = List.copyOf(stats);
    payers = List.copyOf(payers);
    gateFailures = List.copyOf(gateFailures);
    tasks = List.copyOf(tasks);
    refusedFiles = List.copyOf(refusedFiles);
    heldFiles = List.copyOf(heldFiles);
  }

  public boolean gatePassed() {
    return gateFailures.isEmpty();
  }
}
