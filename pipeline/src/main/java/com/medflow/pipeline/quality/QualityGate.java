package com.medflow.pipeline.quality;

import com.medflow.model.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** DATA.md section 4: a batch fails when the quarantine rate of any of its payers exceeds the threshold. */
public final class QualityGate {
  private final double threshold;

  public QualityGate(double threshold) {
    Preconditions.checkArgument(threshold >= 0 && threshold <= 1, "Invalid gate threshold: %s", threshold);
    this.threshold = threshold;
  }

  public double threshold() {
    return threshold;
  }

  public boolean passes(BatchStats s) {
    return s.quarantineRate() <= threshold;
  }

  public GateDecision evaluate(List<BatchStats> stats) {
    Set<String> passed = new TreeSet<>();
    Set<String> failed = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (BatchStats s : stats) {
      if (!passes(s)) {
        failed.add(s.batchId());
        failures.add(String.format(Locale.ROOT, "batch %s: %s quarantine rate %.1f%% (%d of %d rows) exceeds %.1f%%",
            s.batchId(), s.payer(), 100 * s.quarantineRate(), s.quarantined(), s.rows(), 100 * threshold));
      }
    }
    for (BatchStats s : stats) {
      if (!failed.contains(s.batchId())) {
        passed.add(s.batchId());
      }
    }
    return new GateDecision(threshold, passed, failed, failures);
  }
}
