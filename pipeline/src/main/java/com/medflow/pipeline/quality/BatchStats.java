package com.medflow.pipeline.quality;

import static java.util.Objects.requireNonNull;

import com.medflow.model.QualityCheck;
import java.util.EnumMap;
import java.util.Map;

/**
 * Row counts of one payer's batch after validation: total, clean claims, lines rolled into a clean
 * claim (payers with a roll-up; 0 otherwise), and rows failing each check. Every row is one of
 * clean, rolled or quarantined.
 */
public record BatchStats(String payer, String batchId, String sourceFile, long rows, long clean, long rolled,
                         Map<QualityCheck, Long> failures) {
  public BatchStats(String payer, String batchId, String sourceFile, long rows, long clean,
                    Map<QualityCheck, Long> failures) {
    this(payer, batchId, sourceFile, rows, clean, 0, failures);
  }

  public BatchStats {
    requireNonNull(payer, "payer is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(sourceFile, "sourceFile is null");
    failures = failures.isEmpty() ? Map.of() : new EnumMap<>(failures);
  }

  public long quarantined() {
    return rows - clean - rolled;
  }

  public double quarantineRate() {
    return rows == 0 ? 0.0 : (double) quarantined() / rows;
  }

  public long failed(QualityCheck check) {
    return failures.getOrDefault(check, 0L);
  }
}
