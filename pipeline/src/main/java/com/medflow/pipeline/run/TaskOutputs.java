package com.medflow.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.model.QualityCheck;
import com.medflow.pipeline.bronze.SkippedFile;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.pipeline.quality.GateDecision;
import com.medflow.pipeline.silver.PendingBatch;
import com.medflow.store.runs.PayerResult;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each task hands to the tasks after it, as small JSON kept in run history. A resumed run, or
 * a task run alone in another process ({@code medflow pipeline task}), restores the state of the
 * tasks that already succeeded from these instead of running them again.
 */
final class TaskOutputs {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TaskOutputs() {}

  /** A landing file ingested into bronze. */
  record FileInfo(String payer, String batchId, String displayName, long dataLines) {}

  record Ingest(List<FileInfo> files, List<SkippedFile> skipped, long bronzeRows, List<String> backfill) {}

  record Stats(String payer, String batchId, String sourceFile, long rows, long clean, long rolled,
               Map<String, Long> failures) {
    static Stats of(BatchStats s) {
      Map<String, Long> f = new LinkedHashMap<>();
      s.failures().forEach((k, v) -> f.put(k.name(), v));
      return new Stats(s.payer(), s.batchId(), s.sourceFile(), s.rows(), s.clean(), s.rolled(), f);
    }

    BatchStats toStats() {
      Map<QualityCheck, Long> f = new EnumMap<>(QualityCheck.class);
      failures.forEach((k, v) -> f.put(QualityCheck.valueOf(k), v));
      return new BatchStats(payer, batchId, sourceFile, rows, clean, rolled, f);
    }
  }

  /** {@code today}: the run's date that dates are checked against (so a resumed transform reads the same). */
  record Transform(String today, List<PendingBatch> pending, List<Stats> stats) {}

  record Silver(long merged, List<String> branched) {}

  record Payer(String payer, String batchId, String sourceFile, long bronzeRows, long cleanRows, long quarantinedRows,
               double quarantineRate, double threshold, boolean gatePassed, boolean reconciled, long rolledRows) {
    static Payer of(PayerResult p) {
      return new Payer(p.payer(), p.batchId(), p.sourceFile(), p.bronzeRows(), p.cleanRows(), p.quarantinedRows(),
          p.quarantineRate(), p.threshold(), p.gatePassed(), p.reconciled(), p.rolledRows());
    }

    PayerResult toResult() {
      return new PayerResult(payer, batchId, sourceFile, bronzeRows, cleanRows, quarantinedRows, quarantineRate,
          threshold, gatePassed, reconciled, rolledRows);
    }
  }

  record VerifySilver(List<Payer> payers) {}

  record Gold(boolean built, List<String> branched) {}

  static String write(Object output) {
    try {
      return JSON.writeValueAsString(output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a task output: " + e.getMessage(), e);
    }
  }

  static <T> T read(String json, Class<T> type, String task) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the recorded output of task " + task + ": " + e.getOriginalMessage(), e);
    }
  }

  static GateDecision gate(String json) {
    return read(json, GateDecision.class, "gate");
  }
}
