package com.medflow.lake;

import static java.util.Objects.requireNonNull;

import com.medflow.model.ColumnSpec;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Iceberg tables of the contract, reached through one SparkSession. Creates namespaces and
 * tables from {@link Tables}, checks schemas against the contract, and exposes snapshots and
 * branches (used by the pipeline's write-audit-publish).
 */
public final class Lake {
  private final SparkSession spark;
  private final String catalog;

  public Lake(SparkSession spark, String catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  public SparkSession spark() {
    return spark;
  }

  public String catalogName() {
    return catalog;
  }

  /** {@code lake.healthcare.claims_raw}: the identifier to use in Spark SQL (parts are validated identifiers). */
  public String qualified(TableId id) {
    return catalog + "." + id.namespace() + "." + id.name();
  }

  /** The identifier of a branch of a table, for reads and writes: {@code lake.ns.t.branch_audit}. */
  public String qualified(TableId id, String branch) {
    checkBranch(branch);
    return qualified(id) + ".branch_" + branch;
  }

  /** Creates missing namespaces and tables and adds contract columns missing from existing tables. */
  public void createTables() {
    for (String ns : List.of(Tables.SILVER_NAMESPACE, Tables.GOLD_NAMESPACE)) {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + ns);
    }
    for (TableSpec spec : Tables.ALL) {
      if (!exists(spec.id())) {
        spark.sql(createStatement(spec));
      } else {
        StructType actual = spark.table(qualified(spec.id())).schema();
        for (ColumnSpec c : spec.columns()) {
          if (!hasField(actual, c.name())) {
            spark.sql("ALTER TABLE " + qualified(spec.id()) + " ADD COLUMN " + c.name() + " " + c.type());
          }
        }
      }
    }
  }

  String createStatement(TableSpec spec) {
    String cols = spec.columns().stream()
        .map(c -> c.name() + " " + c.type().toUpperCase(Locale.ROOT) + " COMMENT '" + c.description().replace("'", "\\'") + "'")
        .collect(Collectors.joining(",\n  "));
    String partition = spec.partitionBy().isEmpty() ? "" : "\nPARTITIONED BY (" + String.join(", ", spec.partitionBy()) + ")";
    return "CREATE TABLE IF NOT EXISTS " + qualified(spec.id()) + " (\n  " + cols + ")\nUSING iceberg" + partition
        + "\nCOMMENT '" + spec.description().replace("'", "\\'") + "'"
        + "\nTBLPROPERTIES (" + properties(spec) + ")";
  }

  /**
   * Bronze and silver are written in row groups and read in splits of 8 MB so a scan of a few
   * small files still spreads over every core.
   */
  static String properties(TableSpec spec) {
    String common = "'format-version'='2', 'write.parquet.compression-codec'='zstd'";
    if (spec.layer() == TableSpec.Layer.GOLD) {
      return common;
    }
    // Writers already hold one payer per task (one file per payer), so no shuffle before writing.
    return common + ", 'read.split.target-size'='8388608', 'write.parquet.row-group-size-bytes'='8388608',"
        + " 'write.distribution-mode'='none', 'write.spark.fanout.enabled'='true'";
  }

  public boolean exists(TableId id) {
    return spark.catalog().tableExists(qualified(id));
  }

  /** The Iceberg table, freshly loaded from the catalog. */
  public Table table(TableId id) {
    try {
      Table t = Spark3Util.loadIcebergTable(spark, qualified(id));
      t.refresh();
      return t;
    } catch (Exception e) {
      throw new LakeException("Cannot load table " + id + ": " + e.getMessage(), e);
    }
  }

  public Optional<Long> currentSnapshotId(TableId id) {
    Snapshot s = table(id).currentSnapshot();
    return s == null ? Optional.empty() : Optional.of(s.snapshotId());
  }

  /** Current snapshot ids of several tables; -1 for a table with no snapshot yet. */
  public Map<TableId, Long> currentSnapshotIds(List<TableId> ids) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId id : ids) {
      out.put(id, currentSnapshotId(id).orElse(-1L));
    }
    return out;
  }

  /** Snapshots of the table, oldest first. */
  public List<SnapshotInfo> snapshots(TableId id) {
    Table t = table(id);
    return StreamSupport.stream(t.snapshots().spliterator(), false)
        .map(s -> new SnapshotInfo(s.snapshotId(), s.parentId(), Instant.ofEpochMilli(s.timestampMillis()),
            s.operation(), s.summary()))
        .toList();
  }

  /** Rows in the current snapshot, from Iceberg metadata when exact, else by counting. */
  public long rowCount(TableId id) {
    Snapshot s = table(id).currentSnapshot();
    if (s == null) {
      return 0L;
    }
    Map<String, String> sum = s.summary();
    boolean deletes = Long.parseLong(sum.getOrDefault("total-position-deletes", "0")) > 0
        || Long.parseLong(sum.getOrDefault("total-equality-deletes", "0")) > 0;
    if (!deletes && sum.containsKey("total-records")) {
      return Long.parseLong(sum.get("total-records"));
    }
    return spark.table(qualified(id)).count();
  }

  /** Rows at the head of a branch, from snapshot metadata (exact for tables written without delete files). */
  public long branchRowCount(TableId id, String branch) {
    Snapshot s = table(id).snapshot(branch);
    return s == null ? 0L : Long.parseLong(s.summary().getOrDefault("total-records", "0"));
  }

  /** Differences between a table and its contract: missing columns and wrong types. Empty when it conforms. */
  public List<String> schemaProblems(TableSpec spec) {
    List<String> problems = new ArrayList<>();
    if (!exists(spec.id())) {
      problems.add(spec.id() + " does not exist");
      return problems;
    }
    StructType actual = spark.table(qualified(spec.id())).schema();
    for (ColumnSpec c : spec.columns()) {
      Optional<StructField> f = java.util.Arrays.stream(actual.fields()).filter(x -> x.name().equalsIgnoreCase(c.name())).findFirst();
      if (f.isEmpty()) {
        problems.add(spec.id() + "." + c.name() + " is missing");
      } else if (!f.get().dataType().simpleString().equalsIgnoreCase(c.type())) {
        problems.add(spec.id() + "." + c.name() + " is " + f.get().dataType().simpleString() + ", contract says " + c.type());
      }
    }
    return problems;
  }

  /** Appends rows to a table or branch identifier (from {@link #qualified}) in one commit. */
  public void append(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows, String qualifiedName) {
    try {
      rows.writeTo(qualifiedName).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new LakeException("Cannot append to " + qualifiedName + ": no such table", e);
    }
  }

  /** Creates {@code branch} at the current snapshot of main (an empty table gets an empty snapshot first). */
  public void createBranch(TableId id, String branch) {
    checkBranch(branch);
    Table t = table(id);
    if (t.currentSnapshot() == null) {
      t.newAppend().commit();
      t.refresh();
    }
    if (t.refs().containsKey(branch)) {
      t.manageSnapshots().removeBranch(branch).commit();
      t.refresh();
    }
    t.manageSnapshots().createBranch(branch, t.currentSnapshot().snapshotId()).commit();
  }

  /** Publishes {@code branch}: main moves to the branch head. Fails if main moved since the branch was made. */
  public void fastForward(TableId id, String branch) {
    checkBranch(branch);
    Table t = table(id);
    try {
      t.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
    } catch (RuntimeException e) {
      throw new LakeException("Cannot publish branch " + branch + " of " + id + ": " + e.getMessage(), e);
    }
  }

  public void dropBranch(TableId id, String branch) {
    checkBranch(branch);
    Table t = table(id);
    if (t.refs().containsKey(branch)) {
      t.manageSnapshots().removeBranch(branch).commit();
    }
  }

  public List<String> branches(TableId id) {
    return table(id).refs().keySet().stream().filter(r -> !r.equals(SnapshotRef.MAIN_BRANCH)).sorted().toList();
  }

  private static boolean hasField(StructType schema, String name) {
    return java.util.Arrays.stream(schema.fieldNames()).anyMatch(n -> n.equalsIgnoreCase(name));
  }

  private static void checkBranch(String branch) {
    com.medflow.model.Preconditions.checkArgument(branch != null && branch.matches("[a-z0-9_]+"),
        "Invalid branch name: %s", branch);
  }
}
