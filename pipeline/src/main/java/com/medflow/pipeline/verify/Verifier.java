package com.medflow.pipeline.verify;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import com.medflow.lake.Lake;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.pipeline.silver.PendingBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The verification tasks: counts read back from the tables (and branches) that were written. */
public final class Verifier {
  private final Lake lake;

  public Verifier(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** Rows per (payer, batch) in a table (optionally on a branch), for the given batches. */
  public Map<String, Long> countsByBatch(com.medflow.model.TableId table, String branch, List<PendingBatch> batches) {
    Column filter = lit(false);
    for (PendingBatch b : batches) {
      filter = filter.or(col("payer").equalTo(lit(b.payer())).and(col("batch_id").equalTo(lit(b.batchId()))));
    }
    String name = branch == null ? lake.qualified(table) : lake.qualified(table, branch);
    Map<String, Long> out = new HashMap<>();
    for (Row r : lake.spark().table(name).where(filter).groupBy("payer", "batch_id").count().collectAsList()) {
      out.put(key(r.getString(0), r.getString(1)), r.getLong(2));
    }
    return out;
  }

  /** Rows per (payer, batch) in bronze, from the record counts Iceberg keeps per partition. */
  public Map<String, Long> bronzeCounts() {
    Map<String, Long> out = new HashMap<>();
    for (Row r : lake.spark().sql("SELECT partition.payer, partition.batch_id, record_count FROM "
        + lake.qualified(Tables.CLAIMS_RAW) + ".partitions").collectAsList()) {
      out.put(key(r.getString(0), r.getString(1)), r.getLong(2));
    }
    return out;
  }

  public static String key(String payer, String batchId) {
    return payer + "/" + batchId;
  }

  /** Clean rows of the passing batches whose (payer, claim_id) is missing from claims_clean on the branch. */
  public long missingClean(Dataset<Row> staged, Set<String> passingBatches, String branch) {
    if (passingBatches.isEmpty()) {
      return 0;
    }
    Dataset<Row> expected = staged.where(com.medflow.pipeline.silver.SilverSchema.isClean().and(col("batch_id").isin(passingBatches.toArray())))
        .select("payer", "claim_id").distinct();
    Dataset<Row> actual = lake.spark().table(lake.qualified(Tables.CLAIMS_CLEAN, branch)).select("payer", "claim_id");
    return expected.join(actual, expected.col("payer").equalTo(actual.col("payer"))
        .and(expected.col("claim_id").equalTo(actual.col("claim_id"))), "left_anti").count();
  }

  public List<String> schemaProblems(List<TableSpec> specs) {
    List<String> problems = new ArrayList<>();
    specs.forEach(s -> problems.addAll(lake.schemaProblems(s)));
    return problems;
  }

  /** Gold against silver on the branch: claim totals agree, rates are fractions, nothing is NaN. */
  public List<String> goldProblems(String branch) {
    List<String> problems = new ArrayList<>(schemaProblems(Tables.GOLD));
    long claims = lake.spark().table(lake.qualified(Tables.CLAIMS_CLEAN, branch)).count();
    Row monthly = lake.spark().sql("SELECT COALESCE(SUM(claim_count), 0),"
        + " COUNT_IF(approval_rate < 0 OR approval_rate > 1 OR isnan(approval_rate) OR denial_rate < 0 OR denial_rate > 1"
        + " OR isnan(denial_rate)) FROM " + lake.qualified(Tables.MONTHLY_SUMMARY, branch)).first();
    if (monthly.getLong(0) != claims) {
      problems.add("claims_monthly_summary counts " + monthly.getLong(0) + " claims, claims_clean has " + claims);
    }
    if (monthly.getLong(1) != 0) {
      problems.add("claims_monthly_summary has " + monthly.getLong(1) + " rows with rates outside [0, 1]");
    }
    Row funnel = lake.spark().sql("SELECT COALESCE(SUM(CASE WHEN stage = 'SUBMITTED' THEN claim_count END), 0),"
        + " COUNT_IF(pct_of_previous > 1 OR isnan(pct_of_previous)) FROM "
        + lake.qualified(Tables.APPROVAL_FUNNEL, branch)).first();
    if (funnel.getLong(0) != claims) {
      problems.add("claims_approval_funnel SUBMITTED counts " + funnel.getLong(0) + " claims, claims_clean has " + claims);
    }
    if (funnel.getLong(1) != 0) {
      problems.add("claims_approval_funnel has " + funnel.getLong(1) + " stages larger than their previous stage");
    }
    long providers = lake.spark().sql("SELECT COALESCE(SUM(claim_count), 0) FROM "
        + lake.qualified(Tables.PROVIDER_PERFORMANCE, branch)).first().getLong(0);
    if (providers != claims) {
      problems.add("provider_performance counts " + providers + " claims, claims_clean has " + claims);
    }
    return problems;
  }
}
