package com.medflow.pipeline.quality;

import java.util.List;
import java.util.Set;

/** The quality gate's verdict: which batches pass, and a readable reason for each failure. */
public record GateDecision(double threshold, Set<String> passedBatches, Set<String> failedBatches, List<String> failures) {
  public GateDecision {
    passedBatches = Set.copyOf(passedBatches);
    failedBatches = Set.copyOf(failedBatches);
    failures = List.copyOf(failures);
  }

  public boolean allPassed() {
    return failedBatches.isEmpty();
  }

  public boolean passed(String batchId) {
    return passedBatches.contains(batchId);
  }
}
