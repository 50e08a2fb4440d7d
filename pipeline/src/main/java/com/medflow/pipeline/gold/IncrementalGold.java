package com.medflow.pipeline.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.medflow.lake.Lake;
import com.medflow.model.Preconditions;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Brings the gold tables on a run's branch up to date with claims_clean on that branch by
 * recomputing only the groups the run's batches touched: the groups of the claims they wrote (new
 * versions, on the branch) and of those claims' previous versions (on main, not yet published).
 * The rows of those groups are replaced by one MERGE per table with the table's own SQL run over
 * just the rows of the touched groups, so results equal a full rebuild.
 *
 * <p>Each gold snapshot records the claims_clean snapshot it was built from. A table is rebuilt in
 * full when that mark does not match published claims_clean (first load, a run that died between
 * publishing silver and gold, a table built before this mark existed) or when the batches touched at
 * least {@value #FULL_SHARE} of its groups (then a rebuild reads no more and writes less).
 */
public final class IncrementalGold {
  /** Snapshot-summary property of a gold snapshot: the claims_clean snapshot id it was built from. */
  public static final String BUILT_FROM = "medflow.claims-clean-snapshot";
  static final double FULL_SHARE = 0.5;
  private final Lake lake;

  public IncrementalGold(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /**
   * Updates every gold table on {@code branch}. {@code batches}: the batches whose clean rows were
   * merged into claims_clean on the branch by this run.
   */
  public List<GoldUpdate> update(String branch, Set<String> batches) {
    requireNonNull(batches, "batches is null");
    Table clean = lake.table(Tables.CLAIMS_CLEAN);
    Snapshot head = clean.snapshot(branch);
    Preconditions.checkArgument(head != null, "Invalid branch (not on claims_clean): %s", branch);
    String builtFrom = Long.toString(head.snapshotId());
    Optional<Long> published = Optional.ofNullable(clean.currentSnapshot()).map(Snapshot::snapshotId);
    Dataset<Row> changed = changedClaims(branch, batches);
    try {
      return GoldTasks.each(Tables.GOLD, spec -> CommitMetadata.withCommitProperties(Map.of(BUILT_FROM, builtFrom),
          () -> update(spec, branch, published, changed), RuntimeException.class));
    } finally {
      changed.unpersist();
    }
  }

  private GoldUpdate update(TableSpec spec, String branch, Optional<Long> published, Dataset<Row> changed) {
    GoldGrain grain = GoldGrain.of(spec.id());
    String target = lake.qualified(spec.id(), branch);
    Snapshot goldHead = lake.table(spec.id()).currentSnapshot();
    String mark = goldHead == null ? null : goldHead.summary().get(BUILT_FROM);
    if (mark == null || published.isEmpty() || !mark.equals(published.get().toString())) {
      String why = mark == null ? "no build mark" : "built from claims_clean " + mark + ", published is "
          + published.map(String::valueOf).orElse("empty");
      return full(spec, branch, why);
    }
    String[] groupCols = grain.group().keySet().toArray(String[]::new);
    Dataset<Row> touched = changed.selectExpr(grain.groupExpressions()).distinct()
        .persist(StorageLevel.MEMORY_ONLY());
    try {
      long touchedGroups = touched.count();
      long groups = lake.spark().table(target).select(groupCols[0], java.util.Arrays.copyOfRange(groupCols, 1,
          groupCols.length)).distinct().count();
      if (groups > 0 && touchedGroups >= FULL_SHARE * groups) {
        GoldUpdate f = full(spec, branch, touchedGroups + " of " + groups + " groups touched");
        return new GoldUpdate(spec.id(), GoldUpdate.Mode.FULL, touchedGroups, groups, f.reason());
      }
      if (touchedGroups == 0) {
        lake.table(spec.id()).newAppend().toBranch(branch).commit(); // nothing to replace; the commit carries the mark
        return new GoldUpdate(spec.id(), GoldUpdate.Mode.INCREMENTAL, 0, groups, "no group touched");
      }
      replace(spec, grain, branch, touched);
      return new GoldUpdate(spec.id(), GoldUpdate.Mode.INCREMENTAL, touchedGroups, groups, "touched groups replaced");
    } finally {
      touched.unpersist();
    }
  }

  /** MERGEs the recomputed rows of the touched groups; rows of a touched group that no longer has them are deleted. */
  private void replace(TableSpec spec, GoldGrain grain, String branch, Dataset<Row> touched) {
    String view = "medflow_gold_source_" + spec.id().name();
    String touchedView = "medflow_gold_touched_" + spec.id().name();
    touched.createOrReplaceTempView(touchedView);
    lake.spark().sql("SELECT c.* FROM " + lake.qualified(Tables.CLAIMS_CLEAN, branch) + " c LEFT SEMI JOIN " + touchedView
        + " t ON " + groupCondition(grain)).createOrReplaceTempView(view);
    try {
      Dataset<Row> fresh = lake.spark().sql(GoldBuilder.definition(spec).replace(GoldBuilder.SOURCE, view));
      String target = lake.qualified(spec.id(), branch);
      Dataset<Row> existing = lake.spark().table(target);
      Column inTouched = null;
      Column sameKey = null;
      for (String g : grain.group().keySet()) {
        Column c = existing.col(g).eqNullSafe(touched.col(g));
        inTouched = inTouched == null ? c : inTouched.and(c);
      }
      for (String k : grain.key()) {
        Column c = existing.col(k).eqNullSafe(fresh.col(k));
        sameKey = sameKey == null ? c : sameKey.and(c);
      }
      Dataset<Row> stale = existing.join(touched, inTouched, "left_semi").join(fresh, sameKey, "left_anti");
      Dataset<Row> source = fresh.withColumn("_keep", lit(true)).unionByName(stale.withColumn("_keep", lit(false)));
      Column match = null;
      for (String k : grain.key()) {
        Column c = col(target + "." + k).eqNullSafe(source.col(k));
        match = match == null ? c : match.and(c);
      }
      source.mergeInto(target, match)
          .whenMatched(not(source.col("_keep"))).delete()
          .whenMatched().updateAll()
          .whenNotMatched(source.col("_keep")).insertAll()
          .merge();
    } finally {
      lake.spark().catalog().dropTempView(view);
      lake.spark().catalog().dropTempView(touchedView);
    }
  }

  private static String groupCondition(GoldGrain grain) {
    StringBuilder on = new StringBuilder();
    for (Map.Entry<String, String> g : grain.group().entrySet()) {
      String expr = g.getValue().equals(g.getKey()) ? "c." + g.getKey() : g.getValue().replace("service_date", "c.service_date");
      on.append(on.length() == 0 ? "" : " AND ").append(expr).append(" <=> t.").append(g.getKey());
    }
    return on.toString();
  }

  private GoldUpdate full(TableSpec spec, String branch, String why) {
    new GoldBuilder(lake).buildOne(spec, branch, branch);
    return new GoldUpdate(spec.id(), GoldUpdate.Mode.FULL, -1, 0, why);
  }

  /**
   * Group columns of the claims this run changed: their new versions (rows on the branch last written by
   * {@code batches}) and their previous versions on main. Persisted: every gold table reads it.
   */
  private Dataset<Row> changedClaims(String branch, Set<String> batches) {
    Dataset<Row> fresh = lake.spark().table(lake.qualified(Tables.CLAIMS_CLEAN, branch))
        .where(col("batch_id").isin(batches.toArray()))
        .select("payer", "claim_id", "service_date", "provider_npi");
    Dataset<Row> previous = lake.spark().table(lake.qualified(Tables.CLAIMS_CLEAN))
        .select("payer", "claim_id", "service_date", "provider_npi")
        .as("p");
    Dataset<Row> keys = fresh.select("payer", "claim_id").as("k");
    previous = previous.join(keys, col("p.payer").equalTo(col("k.payer")).and(col("p.claim_id").equalTo(col("k.claim_id"))),
        "left_semi");
    return fresh.unionByName(previous).persist(StorageLevel.MEMORY_AND_DISK());
  }
}
