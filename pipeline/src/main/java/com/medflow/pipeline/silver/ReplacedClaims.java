package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The same claim (payer, claim id) clean in two or more batches of one run: the batch applied last wins in
 * claims_clean, so the earlier batches' rows of it are replaced within the run. Counted per earlier batch, so the
 * run can warn about them (CLAIM_REPLACED_IN_RUN) and count each such claim once.
 */
public final class ReplacedClaims {
  private ReplacedClaims() {}

  /**
   * Per batch ("payer/batch_id"), its clean claims that a later batch of {@code batches} carries too.
   *
   * @param staged the run's staged rows ({@link SilverSchema#STAGED})
   * @param batches the batch ids whose clean rows are written (those that passed the gate)
   * @param seq the order in which batches apply (a higher number applies later)
   */
  public static Map<String, Long> replaced(Dataset<Row> staged, Set<String> batches, Map<String, Integer> seq) {
    requireNonNull(staged, "staged is null");
    requireNonNull(seq, "seq is null");
    Map<String, Long> out = new HashMap<>();
    if (requireNonNull(batches, "batches is null").size() < 2) {
      return out;
    }
    List<Row> repeated = staged.where(SilverSchema.isClean().and(col("batch_id").isin(batches.toArray())))
        .groupBy("payer", "claim_id").agg(collect_set("batch_id").as("batches"))
        .where(size(col("batches")).gt(1)).select("payer", "batches").collectAsList();
    for (Row r : repeated) {
      List<String> ids = r.getList(1);
      String last = ids.stream().max(java.util.Comparator.comparing((String b) -> seq.getOrDefault(b, 0))
          .thenComparing(b -> b)).orElseThrow();
      for (String b : ids) {
        if (!b.equals(last)) {
          out.merge(r.getString(0) + "/" + b, 1L, Long::sum);
        }
      }
    }
    return out;
  }
}
