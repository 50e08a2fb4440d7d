package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
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

  public SilverTransform(Lake lake, PayerMappings mappings, Icd10Cm icd10) {
    this.lake = requireNonNull(lake, "lake is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.icd10 = requireNonNull(icd10, "icd10 is null");
  }

  /** The staged rows ({@link SilverSchema#STAGED}) of the batches, persisted for the writes and checks that follow. */
  public Dataset<Row> transform(List<PendingBatch> batches, LocalDate today) {
    Column filter = lit(false);
    for (PendingBatch b : batches) {
      filter = filter.or(col("payer").equalTo(lit(b.payer())).and(col("batch_id").equalTo(lit(b.batchId()))));
    }
    Dataset<Row> bronze = lake.spark().table(lake.qualified(Tables.CLAIMS_RAW)).where(filter);
    Map<String, PayerMapping> byPayer = new HashMap<>();
    mappings.all().forEach(m -> byPayer.put(m.payer(), m));
    Broadcast<Icd10Cm> codes = JavaSparkContext.fromSparkContext(lake.spark().sparkContext()).broadcast(icd10);
    Dataset<Row> staged = bronze.mapPartitions(new SilverRows(byPayer, codes, today), Encoders.row(SilverSchema.STAGED));
    staged = staged.persist(StorageLevel.MEMORY_AND_DISK());
    // DUPLICATE_CLAIM_ID: claim ids seen more than once in a batch are few; find them with a small
    // aggregate and broadcast them back, instead of shuffling every row through a window.
    Dataset<Row> repeated = staged.where(col("claim_id").isNotNull())
        .groupBy("payer", "batch_id", "claim_id")
        .agg(org.apache.spark.sql.functions.min("source_line").as("_first"), count(lit(1)).as("_n"))
        .where(col("_n").gt(1))
        .select(col("payer").as("_p"), col("batch_id").as("_b"), col("claim_id").as("_c"), col("_first"));
    Dataset<Row> marked = staged.join(org.apache.spark.sql.functions.broadcast(repeated),
            staged.col("payer").equalTo(repeated.col("_p")).and(staged.col("batch_id").equalTo(repeated.col("_b")))
                .and(staged.col("claim_id").equalTo(repeated.col("_c"))), "left")
        .withColumn("reasons", when(col("_first").isNotNull().and(col("source_line").gt(col("_first"))),
            concat(col("reasons"), array(lit(QualityCheck.DUPLICATE_CLAIM_ID.name())))).otherwise(col("reasons")))
        .drop("_p", "_b", "_c", "_first")
        .persist(StorageLevel.MEMORY_AND_DISK());
    marked.count();
    staged.unpersist();
    return marked;
  }

  /** Rows, clean rows and failures per check for each payer's batch, in one pass. */
  public List<BatchStats> stats(Dataset<Row> staged) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(size(col("reasons")).equalTo(0), 1).otherwise(0)).as("clean"));
    for (QualityCheck c : QualityCheck.values()) {
      Column failed = switch (c) {
        case DENIED_WITHOUT_REASON -> col("warn_denied_without_reason");
        case ALLOWED_EXCEEDS_BILLED -> col("warn_allowed_exceeds_billed");
        default -> array_contains(col("reasons"), c.name());
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
          r.getLong(r.fieldIndex("clean")), failures));
    }
    out.sort(java.util.Comparator.comparing(BatchStats::batchId).thenComparing(BatchStats::payer));
    return out;
  }
}
