package com.medflow.pipeline.run;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import com.medflow.pipeline.silver.PendingBatch;
import com.medflow.pipeline.verify.Verifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Backfill: chosen batches ("payer/batch_id", or "batch_id" for every payer of it) read again from
 * bronze. Batches are ordered by arrival like new ones, and the claims a later batch changed keep
 * the later values, so a backfill gives the tables the original runs gave.
 */
final class Backfill {
  private Backfill() {}

  /** Bronze's batches in arrival order, as (payer, batch_id) keys, from Iceberg partition metadata. */
  private static List<String[]> arrivals(Lake lake) {
    List<String[]> out = new ArrayList<>();
    for (Row r : lake.spark().sql("SELECT partition.payer, partition.batch_id FROM " + lake.qualified(Tables.CLAIMS_RAW)
        + ".partitions ORDER BY last_updated_at, partition.batch_id, partition.payer").collectAsList()) {
      out.add(new String[] {r.getString(0), r.getString(1)});
    }
    return out;
  }

  /** Expands and validates the chosen batches; fails naming every one that bronze does not hold. */
  static List<String> resolve(Lake lake, List<String> chosen) {
    com.medflow.model.Preconditions.checkArgument(!chosen.isEmpty(), "Invalid backfill: no batch given");
    List<String[]> arrivals = lake.exists(Tables.CLAIMS_RAW) ? arrivals(lake) : List.of();
    Set<String> out = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String c : chosen) {
      String key = c.trim();
      int before = out.size();
      for (String[] a : arrivals) {
        if (key.equals(Verifier.key(a[0], a[1])) || key.equals(a[1])) {
          out.add(Verifier.key(a[0], a[1]));
        }
      }
      if (out.size() == before && !key.isEmpty()) {
        unknown.add(key);
      }
    }
    com.medflow.model.Preconditions.checkArgument(unknown.isEmpty(),
        "Invalid backfill batch(es) (not in bronze; use payer/batch_id or batch_id): %s", String.join(", ", unknown));
    return List.copyOf(out);
  }

  /** The chosen batches as pending batches, with arrival sequence numbers. */
  static List<PendingBatch> batches(Lake lake, List<String> keys) {
    Set<String> wanted = new HashSet<>(keys);
    Map<String, Integer> seqOfBatch = new LinkedHashMap<>();
    List<PendingBatch> out = new ArrayList<>();
    for (String[] a : arrivals(lake)) {
      if (wanted.contains(Verifier.key(a[0], a[1]))) {
        int seq = seqOfBatch.computeIfAbsent(a[1], b -> seqOfBatch.size() + 1);
        out.add(new PendingBatch(a[0], a[1], a[0] + "/" + a[1], seq));
      }
    }
    return out;
  }

  /** Batch ids that arrived after the first chosen batch and are not chosen: their claims are not overwritten. */
  static Set<String> newerBatches(Lake lake, List<PendingBatch> chosen) {
    Set<String> keys = new HashSet<>();
    chosen.forEach(b -> keys.add(Verifier.key(b.payer(), b.batchId())));
    Set<String> chosenIds = new HashSet<>();
    chosen.forEach(b -> chosenIds.add(b.batchId()));
    Set<String> newer = new LinkedHashSet<>();
    boolean seen = false;
    for (String[] a : arrivals(lake)) {
      seen |= keys.contains(Verifier.key(a[0], a[1]));
      if (seen && !chosenIds.contains(a[1])) {
        newer.add(a[1]);
      }
    }
    return newer;
  }
}
