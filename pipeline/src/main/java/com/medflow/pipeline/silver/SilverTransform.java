package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.medflow.lake.Lake;
import com.medflow.model.QualityCheck;
import com.medflow.model.Tables;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.quality.BatchStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Silver, in memory: the bronze rows of the pending batches standardized and validated by the
 * payer mappings, with DUPLICATE_CLAIM_ID (a later row of the same claim in a batch) added.
 */
public final class SilverTransform {
  private final Lake lake;
  private final PayerMappings mappings;
  private final Icd10Cm icd10;
  private final RowLimits limits;

  public SilverTransform(Lake lake, PayerMappings mappings, Icd10Cm icd10) {
    this(lake, mappings, icd10, RowLimits.DEFAULT);
  }

  /** {@code limits}: the checks on each row's bytes (INVALID_ENCODING, FIELD_TOO_LONG). */
  public SilverTransform(Lake lake, PayerMappings mappings, Icd10Cm icd10, RowLimits limits) {
    this.lake = requireNonNull(lake, "lake is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.icd10 = requireNonNull(icd10, "icd10 is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /** The staged rows ({@link SilverSchema#STAGED}) of the batches, persisted for the writes and checks that follow. */
  public Dataset<Row> transform(List<PendingBatch> batches, LocalDate today) {
    Column filter = lit(false);
    for (PendingBatch b : batches) {
      filter = filter.or(col("payer").equalTo(lit(b.payer())).and(col("batch_id").equalTo(lit(b.batchId()))));
    }
    Dataset<Row> bronze = lake.spark().table(lake.qualified(Tables.CLAIMS_RAW)).where(filter)
        .select("payer", "batch_id", "source_file", "source_line", "record", "raw_line", "claim_key");
    Map<String, PayerMapping> byPayer = new HashMap<>();
    mappings.all().forEach(m -> byPayer.put(m.payer(), m));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    Broadcast<Icd10Cm> codes = jsc.broadcast(icd10);
    List<String> rolling = batches.stream().map(PendingBatch::payer).distinct()
        .filter(p -> byPayer.containsKey(p) && byPayer.get(p).options().rollUp() != null).toList();
    if (rolling.isEmpty()) {
      Broadcast<Map<String, Long>> firstLines = jsc.broadcast(repeatedClaims(bronze, byPayer));
      return bronze.mapPartitions(new SilverRows(byPayer, codes, firstLines, today, limits), Encoders.row(SilverSchema.STAGED))
          .persist(StorageLevel.MEMORY_AND_DISK());
    }
    // Payers with a roll-up: the lines of a claim are grouped and become one claim; lines without a
    // claim id cannot be grouped and are standardized (and quarantined) one by one like other rows.
    Column rolled = col("payer").isin(rolling.toArray()).and(col("claim_key").isNotNull());
    Dataset<Row> single = bronze.where(org.apache.spark.sql.functions.not(rolled));
    Broadcast<Map<String, Long>> firstLines = jsc.broadcast(repeatedClaims(single, byPayer));
    Dataset<Row> one = single.mapPartitions(new SilverRows(byPayer, codes, firstLines, today, limits),
        Encoders.row(SilverSchema.STAGED));
    Dataset<Row> lines = bronze.where(rolled)
        .groupByKey((org.apache.spark.api.java.function.MapFunction<Row, String>) RolledSilverRows::groupKey,
            Encoders.STRING())
        .flatMapGroups(new RolledSilverRows(byPayer, codes, today, limits), Encoders.row(SilverSchema.STAGED));
    return one.union(lines).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * DUPLICATE_CLAIM_ID needs the whole batch: claim ids that occur more than once per payer and
   * batch are few, so they are found with a small aggregate on the raw claim id and handed to
   * every task, keyed by {@link SilverRows#duplicateKey}, with the line of the first occurrence.
   */
  private static Map<String, Long> repeatedClaims(Dataset<Row> bronze, Map<String, PayerMapping> byPayer) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : bronze.select(col("payer"), col("batch_id"), col("source_line"), col("claim_key").as("claim_id"))
        .where(col("claim_id").isNotNull())
        .groupBy("payer", "batch_id", "claim_id")
        .agg(org.apache.spark.sql.functions.min("source_line").as("first"), count(lit(1)).as("n"))
        .where(col("n").gt(1)).collectAsList()) {
      out.put(SilverRows.duplicateKey(r.getString(0), r.getString(1), r.getString(2)), r.getLong(3));
    }
    return out;
  }

  /** Quarantined rows: the staged rows that broke a rule, which carry their raw values. */
  public Dataset<Row> quarantined(Dataset<Row> staged) { // rolled lines of a failed claim carry its reasons
    return staged.where(size(col("reasons")).gt(0));
  }

  /** Rows, clean rows and failures per check for each payer's batch, in one pass. */
  public List<BatchStats> stats(Dataset<Row> staged) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(SilverSchema.isClean(), 1).otherwise(0)).as("clean"));
    aggs.add(sum(when(size(col("reasons")).equalTo(0).and(col("rolled_into").isNotNull()), 1).otherwise(0)).as("rolled"));
    for (QualityCheck c : QualityCheck.values()) {
      Column failed = switch (c) {
        case DENIED_WITHOUT_REASON -> col("warn_denied_without_reason");
        case ALLOWED_EXCEEDS_BILLED -> col("warn_allowed_exceeds_billed");
        default -> array_contains(col("reasons"), c.name()).or(array_contains(col("warnings"), c.name()));
      };
      aggs.add(sum(when(failed, 1).otherwise(0)).as(c.name()));
    }
    List<BatchStats> out = new ArrayList<>();
    for (Row r : staged.groupBy("payer", "batch_id", "source_file")
        .agg(count(lit(1)).as("rows"), aggs.toArray(new Column[0])).collectAsList()) {
      Map<QualityCheck, Long> failures = new EnumMap<>(QualityCheck.class);
      for (QualityCheck c : QualityCheck.values()) {
        long n = r.getLong(r.fieldIndex(c.name()));
        if (n > 0) {
          failures.put(c, n);
        }
      }
      out.add(new BatchStats(r.getString(0), r.getString(1), r.getString(2), r.getLong(3),
          r.getLong(r.fieldIndex("clean")), r.getLong(r.fieldIndex("rolled")), failures));
    }
    out.sort(java.util.Comparator.comparing(BatchStats::batchId).thenComparing(BatchStats::payer));
    return out;
  }
}
