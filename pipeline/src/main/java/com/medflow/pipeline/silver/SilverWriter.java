package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import com.medflow.pipeline.quality.QualityLogRows;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Writes silver to the run's audit branch: clean claims MERGEd by (payer, claim_id) so a later
 * batch replaces a claim, quarantined rows and quality-log rows MERGEd by their keys so
 * re-processing a batch after a crash never duplicates them.
 */
public final class SilverWriter {
  private final Lake lake;

  public SilverWriter(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /**
   * MERGEs the clean rows of the passing batches. When one run carries several batches of a
   * claim, the latest batch (highest {@code seq}) wins. Returns the number of claims merged.
   */
  public long mergeClean(Dataset<Row> staged, Set<String> passingBatches, Map<String, Integer> batchSeq, String branch,
                         Instant now) {
    return mergeClean(staged, passingBatches, batchSeq, branch, now, Set.of());
  }

  /**
   * As above, but a claim whose current row comes from one of {@code newerBatches} keeps it (a
   * backfill of an older batch does not undo what a later batch changed).
   */
  public long mergeClean(Dataset<Row> staged, Set<String> passingBatches, Map<String, Integer> batchSeq, String branch,
                         Instant now, Set<String> newerBatches) {
    if (passingBatches.isEmpty()) {
      return 0;
    }
    Dataset<Row> clean = staged.where(SilverSchema.isClean()
        .and(col("batch_id").isin(passingBatches.toArray())));
    if (passingBatches.size() > 1) {
      Column seq = lit(0);
      for (Map.Entry<String, Integer> e : batchSeq.entrySet()) {
        seq = when(col("batch_id").equalTo(lit(e.getKey())), lit(e.getValue())).otherwise(seq);
      }
      clean = clean.withColumn("_seq", seq)
          .withColumn("_latest", row_number().over(Window.partitionBy("payer", "claim_id").orderBy(col("_seq").desc())))
          .where(col("_latest").equalTo(1))
          .drop("_seq", "_latest");
    }
    clean = clean.withColumn("updated_at", lit(now))
        .select(Arrays.stream(SilverSchema.CLEAN_COLUMNS).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    String target = lake.qualified(Tables.CLAIMS_CLEAN, branch);
    if (lake.rowCount(Tables.CLAIMS_CLEAN) == 0 && newerBatches.isEmpty()) {
      // First load: nothing to match, so a plain append does what the MERGE would, without the join.
      lake.append(clean, target);
      return clean.count();
    }
    Column keep = newerBatches.isEmpty() ? lit(false) : col(target + ".batch_id").isin(newerBatches.toArray());
    clean.mergeInto(target, col(target + ".payer").equalTo(clean.col("payer"))
            .and(col(target + ".claim_id").equalTo(clean.col("claim_id"))))
        .whenMatched(org.apache.spark.sql.functions.not(keep)).updateAll()
        .whenNotMatched().insertAll()
        .merge();
    return clean.count();
  }

  /**
   * MERGEs every quarantined row (all batches, passing or not) by (payer, batch, file, line).
   * {@code quarantined} holds the raw values ({@link SilverTransform#quarantined}).
   */
  public void mergeQuarantine(Dataset<Row> quarantined, String branch, String runId, Instant now) {
    Dataset<Row> rows = quarantined
        .select(col("payer"), col("source_file"), col("source_line"), col("batch_id"), lit(now).as("quarantined_at"),
            col("reasons"), col("claim_id"), col("record"), col("raw_line"), lit(runId).as("run_id"));
    String target = lake.qualified(Tables.CLAIMS_QUARANTINED, branch);
    if (lake.rowCount(Tables.CLAIMS_QUARANTINED) == 0) {
      lake.append(rows, target); // nothing to match against yet
      return;
    }
    rows.mergeInto(target, col(target + ".payer").equalTo(rows.col("payer"))
            .and(col(target + ".batch_id").equalTo(rows.col("batch_id")))
            .and(col(target + ".source_file").equalTo(rows.col("source_file")))
            .and(col(target + ".source_line").equalTo(rows.col("source_line"))))
        .whenNotMatched().insertAll()
        .merge();
  }

  /** MERGEs quality-log rows by (batch, payer, layer, check): a re-run replaces its own earlier rows. */
  public void mergeQualityLog(List<Row> rows, String branch) {
    mergeQualityLogInto(rows, lake.qualified(Tables.DATA_QUALITY_LOG, branch));
  }

  /** Merges warn-only rows (freshness of a run with nothing to process) straight into the published log. */
  public void mergeQualityLogMain(List<Row> rows) {
    mergeQualityLogInto(rows, lake.qualified(Tables.DATA_QUALITY_LOG));
  }

  private void mergeQualityLogInto(List<Row> rows, String target) {
    Dataset<Row> source = lake.spark().createDataFrame(rows, QualityLogRows.SCHEMA);
    source.mergeInto(target, col(target + ".batch_id").equalTo(source.col("batch_id"))
            .and(col(target + ".payer").equalTo(source.col("payer")))
            .and(col(target + ".layer").equalTo(source.col("layer")))
            .and(col(target + ".check_name").equalTo(source.col("check_name"))))
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .merge();
  }
}
