package com.medflow.store.runs;

import java.util.List;

/** A run with its tasks and per-payer results. */
public record RunDetail(RunSummary summary, List<TaskRecord> tasks, List<PayerResult> payers) {
  public RunDetail {
    tasks = List.copyOf(tasks);
    payers = List.copyOf(payers);
  }
}
