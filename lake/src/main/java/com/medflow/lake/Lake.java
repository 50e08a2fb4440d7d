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
import java.util.stream.StreamSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
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
  private org.apache.iceberg.catalog.Catalog iceberg;

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

  /** The Iceberg catalog behind the Spark catalog, for metadata work without SQL round trips. */
  public synchronized org.apache.iceberg.catalog.Catalog icebergCatalog() {
    if (iceberg == null) {
      // Spark resolves catalogs through the thread's active session: make it ours for the lookup.
      scala.Option<SparkSession> previous = SparkSession.getActiveSession();
      SparkSession.setActiveSession(spark);
      try {
        org.apache.spark.sql.connector.catalog.CatalogPlugin plugin = spark.sessionState().catalogManager().catalog(catalog);
        iceberg = ((org.apache.iceberg.spark.source.HasIcebergCatalog) plugin).icebergCatalog();
      } finally {
        if (previous.isDefined()) {
          SparkSession.setActiveSession(previous.get());
        } else {
          SparkSession.clearActiveSession();
        }
      }
    }
    return iceberg;
  }

  private static org.apache.iceberg.catalog.TableIdentifier identifier(TableId id) {
    return org.apache.iceberg.catalog.TableIdentifier.of(id.namespace(), id.name());
  }

  /** Creates missing namespaces and tables and adds contract columns missing from existing tables. */
  public void createTables() {
    org.apache.iceberg.catalog.Catalog iceberg = icebergCatalog();
    org.apache.iceberg.catalog.SupportsNamespaces namespaces = (org.apache.iceberg.catalog.SupportsNamespaces) iceberg;
    for (String ns : List.of(Tables.SILVER_NAMESPACE, Tables.GOLD_NAMESPACE)) {
      org.apache.iceberg.catalog.Namespace n = org.apache.iceberg.catalog.Namespace.of(ns);
      if (!namespaces.namespaceExists(n)) {
        try {
          namespaces.createNamespace(n);
        } catch (org.apache.iceberg.exceptions.AlreadyExistsException raced) {
          // another process created it between the check and the create: the namespace exists, as wanted
        }
      }
    }
    for (TableSpec spec : Tables.ALL) {
      org.apache.iceberg.catalog.TableIdentifier ti = identifier(spec.id());
      if (!iceberg.tableExists(ti)) {
        org.apache.iceberg.Schema schema = org.apache.iceberg.spark.SparkSchemaUtil.convert(sparkSchema(spec));
        org.apache.iceberg.PartitionSpec.Builder partition = org.apache.iceberg.PartitionSpec.builderFor(schema);
        spec.partitionBy().forEach(p -> PartitionField.parse(p).addTo(partition));
        try {
          iceberg.createTable(ti, schema, partition.build(), properties(spec));
        } catch (org.apache.iceberg.exceptions.AlreadyExistsException raced) {
          // created concurrently by another run: same contract, nothing to do
        }
      } else {
        org.apache.iceberg.Table table = iceberg.loadTable(ti);
        org.apache.iceberg.UpdateSchema update = null;
        for (ColumnSpec c : spec.columns()) {
          if (table.schema().findField(c.name()) == null) {
            update = update == null ? table.updateSchema() : update;
            update.addColumn(c.name(), org.apache.iceberg.spark.SparkSchemaUtil.convert(
                org.apache.spark.sql.types.DataType.fromDDL(c.type())), c.description());
          }
        }
        if (update != null) {
          update.commit();
          table.refresh();
        }
        PartitionField.evolve(table, spec);
        Map<String, String> wanted = properties(spec);
        Map<String, String> current = table.properties();
        if (wanted.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())))) {
          org.apache.iceberg.UpdateProperties props = table.updateProperties();
          wanted.forEach(props::set);
          props.commit();
        }
      }
    }
  }

  /** The contract schema as Spark types, with column comments. */
  static StructType sparkSchema(TableSpec spec) {
    StructType s = new StructType();
    for (ColumnSpec c : spec.columns()) {
      s = s.add(new StructField(c.name(), org.apache.spark.sql.types.DataType.fromDDL(c.type()), true,
          org.apache.spark.sql.types.Metadata.empty()).withComment(c.description()));
    }
    return s;
  }

  /**
   * Bronze and silver are written in row groups and read in splits of 8 MB so a scan of a few
   * small files still spreads over every core.
   */
  static Map<String, String> properties(TableSpec spec) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("format-version", "2");
    p.put("write.parquet.compression-codec", "zstd");
    p.put("comment", spec.description());
    if (spec.layer() != TableSpec.Layer.GOLD) {
      p.put("read.split.target-size", "8388608");
      p.put("write.parquet.row-group-size-bytes", "8388608");
      // Writers already hold one payer per task (one file per payer), so no shuffle before writing.
      p.put("write.distribution-mode", "none");
      p.put("write.spark.fanout.enabled", "true");
    }
    if (spec.id().equals(Tables.CLAIMS_CLEAN)) {
      // Partitioned by payer and service month: one file per partition per write, and a batch's MERGE
      // writes delete files and its new rows instead of rewriting every file holding one of its claims.
      p.put("write.distribution-mode", "hash");
      p.put("write.merge.mode", "merge-on-read");
      p.put("write.update.mode", "merge-on-read");
      p.put("write.delete.mode", "merge-on-read");
    }
    return p;
  }

  public boolean exists(TableId id) {
    return icebergCatalog().tableExists(identifier(id));
  }

  /** The Iceberg table, freshly loaded from the catalog. */
  public Table table(TableId id) {
    try {
      return icebergCatalog().loadTable(identifier(id));
    } catch (RuntimeException e) {
      throw new LakeException("Cannot load table " + id + ": " + e.getMessage(), e);
    }
  }

  /** The catalog's warehouse location as Spark was configured with it. */
  public Optional<String> warehouse() {
    return Optional.ofNullable(spark.conf().get("spark.sql.catalog." + catalog + ".warehouse", null));
  }

  /** Where the table's files live: {@code s3://bucket/prefix/ns/table} or {@code file:/…/ns/table}. */
  public String location(TableId id) {
    return table(id).location();
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

  /** Drops every branch named {@code prefix…} of every existing contract table; returns how many. */
  public int dropBranches(String prefix) {
    int dropped = 0;
    for (TableSpec spec : Tables.ALL) {
      if (exists(spec.id())) {
        for (String b : branches(spec.id())) {
          if (b.startsWith(prefix)) {
            dropBranch(spec.id(), b);
            dropped++;
          }
        }
      }
    }
    return dropped;
  }

  public List<String> branches(TableId id) {
    return table(id).refs().keySet().stream().filter(r -> !r.equals(SnapshotRef.MAIN_BRANCH)).sorted().toList();
  }


  private static void checkBranch(String branch) {
    com.medflow.model.Preconditions.checkArgument(branch != null && branch.matches("[a-z0-9_]+"),
        "Invalid branch name: %s", branch);
  }
}
