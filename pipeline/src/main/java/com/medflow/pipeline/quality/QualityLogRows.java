package com.medflow.pipeline.quality;

import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import com.medflow.model.mapping.MappingOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builds {@code data_quality_log} rows: one per check per payer per batch, plus gate and reconciliation rows. */
public final class QualityLogRows {
  public static final String GATE_CHECK = "QUARANTINE_RATE";
  public static final String BRONZE_RECONCILIATION = "BRONZE_RECONCILIATION";
  public static final String SILVER_RECONCILIATION = "SILVER_RECONCILIATION";
  /**
   * Payers with a roll-up only: {@code rows_checked} bronze lines, {@code rows_failed} the lines that
   * were folded into a clean claim of another line (not failures; severity WARN, always passed).
   */
  public static final String ROLLED_INTO_CLAIM = "ROLLED_INTO_CLAIM";
  /** Layer of the rows about whole landing files; they do not mark a batch as processed. */
  public static final String LANDING = "landing";
  /** A landing file refused as a whole (severity QUARANTINE); {@code detail} names it and says why. */
  public static final String FILE_REFUSED = "FILE_REFUSED";
  /** A readable landing file held back because its payer has a refused file (severity WARN). */
  public static final String FILE_HELD = "FILE_HELD";
  /**
   * Clean claims of a batch that a later batch of the same run also carries (severity WARN): the later row
   * is the one kept in claims_clean, so the run counts the claim once.
   */
  public static final String CLAIM_REPLACED_IN_RUN = "CLAIM_REPLACED_IN_RUN";

  public static final StructType SCHEMA = new StructType()
      .add("batch_id", DataTypes.StringType, false)
      .add("run_at", DataTypes.TimestampType, false)
      .add("payer", DataTypes.StringType, false)
      .add("layer", DataTypes.StringType, false)
      .add("check_name", DataTypes.StringType, false)
      .add("severity", DataTypes.StringType, false)
      .add("rows_checked", DataTypes.LongType, false)
      .add("rows_failed", DataTypes.LongType, false)
      .add("failure_rate", DataTypes.DoubleType, false)
      .add("threshold", DataTypes.DoubleType, false)
      .add("passed", DataTypes.BooleanType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);

  private QualityLogRows() {}

  /** Bronze line count of the file vs bronze rows, and bronze vs clean + quarantined, per payer and batch. */
  public record Reconciliation(String payer, String batchId, long fileLines, long bronzeRows, long clean,
                               long rolled, long quarantined) {
    public Reconciliation(String payer, String batchId, long fileLines, long bronzeRows, long clean, long quarantined) {
      this(payer, batchId, fileLines, bronzeRows, clean, 0, quarantined);
    }

    public long bronzeMissing() {
      return Math.abs(fileLines - bronzeRows);
    }

    /** Bronze rows that are neither a clean claim, nor rolled into one, nor quarantined (must be 0). */
    public long unaccounted() {
      return Math.abs(bronzeRows - clean - rolled - quarantined);
    }
  }

  public static List<Row> build(List<BatchStats> stats, List<Reconciliation> reconciliations, QualityGate gate,
                                String runId, Instant now) {
    return build(stats, reconciliations, gate, runId, now, Map.of());
  }

  /**
   * As {@link #build(List, List, QualityGate, String, Instant)}, with each payer's mapping options: a
   * rule the payer demoted is logged with severity WARN, and roll-up payers get a ROLLED_INTO_CLAIM row.
   */
  public static List<Row> build(List<BatchStats> stats, List<Reconciliation> reconciliations, QualityGate gate,
                                String runId, Instant now, Map<String, MappingOptions> optionsByPayer) {
    List<Row> rows = new ArrayList<>();
    for (BatchStats s : stats) {
      MappingOptions options = optionsByPayer.getOrDefault(s.payer(), MappingOptions.NONE);
      for (QualityCheck check : QualityCheck.values()) {
        long failed = s.failed(check);
        double rate = s.rows() == 0 ? 0.0 : (double) failed / s.rows();
        rows.add(row(s.batchId(), now, s.payer(), "silver", check.name(), options.severity(check), s.rows(), failed,
            rate, gate.threshold(), rate <= gate.threshold(), runId));
      }
      if (options.rollUp() != null) {
        rows.add(row(s.batchId(), now, s.payer(), "silver", ROLLED_INTO_CLAIM, Severity.WARN, s.rows(), s.rolled(),
            s.rows() == 0 ? 0.0 : (double) s.rolled() / s.rows(), 1.0, true, runId));
      }
      rows.add(row(s.batchId(), now, s.payer(), "gate", GATE_CHECK, Severity.QUARANTINE, s.rows(), s.quarantined(),
          s.quarantineRate(), gate.threshold(), gate.passes(s), runId));
    }
    for (Reconciliation r : reconciliations) {
      rows.add(row(r.batchId(), now, r.payer(), "bronze", BRONZE_RECONCILIATION, Severity.QUARANTINE, r.fileLines(),
          r.bronzeMissing(), r.fileLines() == 0 ? 0.0 : (double) r.bronzeMissing() / r.fileLines(), 0.0,
          r.bronzeMissing() == 0, runId));
      rows.add(row(r.batchId(), now, r.payer(), "silver", SILVER_RECONCILIATION, Severity.QUARANTINE, r.bronzeRows(),
          r.unaccounted(), r.bronzeRows() == 0 ? 0.0 : (double) r.unaccounted() / r.bronzeRows(), 0.0,
          r.unaccounted() == 0, runId));
    }
    return rows;
  }

  /**
   * Freshness and volume rows (layer bronze, severity WARN). FRESHNESS: one per payer, on its latest
   * batch; rows_checked 1, rows_failed 1 when stale, threshold 0. VOLUME: rows_checked the rows
   * expected (the mean of the payer's recent batches), rows_failed |rows - expected|, threshold the
   * largest deviation allowed.
   */
  public static List<Row> arrival(List<ArrivalChecks.Freshness> freshness, List<ArrivalChecks.Volume> volumes,
                                  String runId, Instant now) {
    List<Row> rows = new ArrayList<>();
    for (ArrivalChecks.Freshness f : freshness) {
      long stale = f.stale() ? 1 : 0;
      rows.add(row(f.lastBatchId(), now, f.payer(), "bronze", ArrivalChecks.FRESHNESS, Severity.WARN, 1, stale, stale,
          0.0, !f.stale(), runId));
    }
    for (ArrivalChecks.Volume v : volumes) {
      rows.add(row(v.batchId(), now, v.payer(), "bronze", ArrivalChecks.VOLUME, Severity.WARN, v.expectedRows(),
          v.deviationRows(), v.deviation(), v.maxDeviation(), v.passed(), runId));
    }
    return rows;
  }

  /**
   * One row per refused file (FILE_REFUSED, QUARANTINE) and per held file (FILE_HELD, WARN), layer
   * {@value #LANDING}, on the batch the file would have been: rows_checked and rows_failed count files (1),
   * failure_rate 1, threshold 0, not passed; {@code detail} is "file: reason".
   */
  public static List<Row> landing(List<com.medflow.pipeline.landing.RefusedFile> refused,
                                  List<com.medflow.pipeline.landing.RefusedFile> held, String runId, Instant now) {
    List<Row> rows = new ArrayList<>();
    refused.forEach(f -> rows.add(row(f.batchId(), now, f.payer(), LANDING, FILE_REFUSED, Severity.QUARANTINE, 1, 1,
        1.0, 0.0, false, runId, f.describe())));
    held.forEach(f -> rows.add(row(f.batchId(), now, f.payer(), LANDING, FILE_HELD, Severity.WARN, 1, 1, 1.0, 0.0,
        false, runId, f.describe())));
    return rows;
  }

  /**
   * CLAIM_REPLACED_IN_RUN (layer silver, WARN) for each batch: rows_checked its clean rows, rows_failed those of
   * its clean claims that a later batch of the run replaces ({@code replaced}, keyed "payer/batch"), threshold 0.
   */
  public static List<Row> replacedInRun(List<BatchStats> stats, Map<String, Long> replaced, String runId,
                                        Instant now) {
    List<Row> rows = new ArrayList<>();
    for (BatchStats s : stats) {
      long failed = replaced.getOrDefault(s.payer() + "/" + s.batchId(), 0L);
      rows.add(row(s.batchId(), now, s.payer(), "silver", CLAIM_REPLACED_IN_RUN, Severity.WARN, s.clean(), failed,
          s.clean() == 0 ? 0.0 : (double) failed / s.clean(), 0.0, failed == 0, runId));
    }
    return rows;
  }

  private static Row row(String batch, Instant at, String payer, String layer, String check, Severity severity,
                         long checked, long failed, double rate, double threshold, boolean passed, String runId) {
    return row(batch, at, payer, layer, check, severity, checked, failed, rate, threshold, passed, runId, null);
  }

  private static Row row(String batch, Instant at, String payer, String layer, String check, Severity severity,
                         long checked, long failed, double rate, double threshold, boolean passed, String runId,
                         String detail) {
    return RowFactory.create(batch, at, payer, layer, check, severity.name(), checked, failed, rate, threshold, passed,
        runId, detail);
  }
}
