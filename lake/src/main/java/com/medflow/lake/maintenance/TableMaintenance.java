package com.medflow.lake.maintenance;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.model.TableId;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.actions.RewriteManifests;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.spark.actions.SparkActions;

/**
 * Keeps a table small and fast with Iceberg's actions, in this order: compact small data files
 * (rewriting files that have delete files, so merged rows are applied and their delete files
 * dropped), expire snapshots older than the retention while keeping at least the minimum number
 * (and every snapshot a branch points at), rewrite manifests, and delete orphan files older than
 * the orphan age. Time travel to any snapshot kept keeps working: its files are only removed once
 * it expires.
 */
public final class TableMaintenance {
  private final Lake lake;
  private final MedflowConfig.Maintenance settings;
  private final Clock clock;

  public TableMaintenance(Lake lake, MedflowConfig.Maintenance settings, Clock clock) {
    this.lake = requireNonNull(lake, "lake is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public MaintenanceResult maintain(TableId id) {
    long start = System.currentTimeMillis();
    Table table = lake.table(id);
    TableFigures before = figures(table);
    SparkActions actions = SparkActions.get(lake.spark());
    int rewritten = 0;
    int added = 0;
    int removedDeletes = 0;
    if (table.currentSnapshot() != null) {
      RewriteDataFiles.Result r = actions.rewriteDataFiles(table)
          .option("min-input-files", "2")
          .option("delete-file-threshold", "1")
          .option("remove-dangling-deletes", "true")
          .option("partial-progress.enabled", "false")
          .execute();
      rewritten = r.rewrittenDataFilesCount();
      added = r.addedDataFilesCount();
      removedDeletes = r.removedDeleteFilesCount();
      table.refresh();
    }
    Instant now = clock.instant();
    long snapshotsBefore = StreamSupport.stream(table.snapshots().spliterator(), false).count();
    actions.expireSnapshots(table)
        .expireOlderThan(now.minus(settings.snapshotRetention()).toEpochMilli())
        .retainLast(settings.minSnapshots())
        .execute();
    table.refresh();
    long expiredSnapshots = snapshotsBefore - StreamSupport.stream(table.snapshots().spliterator(), false).count();
    int manifests = 0;
    if (table.currentSnapshot() != null) {
      RewriteManifests.Result m = actions.rewriteManifests(table).execute();
      manifests = StreamSupport.stream(m.rewrittenManifests().spliterator(), false).mapToInt(x -> 1).sum();
      table.refresh();
    }
    DeleteOrphanFiles.Result orphans = actions.deleteOrphanFiles(table)
        .olderThan(now.minus(settings.orphanMinAge()).toEpochMilli())
        .execute();
    long orphanCount = StreamSupport.stream(orphans.orphanFileLocations().spliterator(), false).count();
    table.refresh();
    return new MaintenanceResult(id, before, figures(table), rewritten, added, removedDeletes,
        expiredSnapshots, manifests, orphanCount, System.currentTimeMillis() - start);
  }

  /** Current files from the snapshot summary; stored files and bytes by listing the table's folder. */
  public static TableFigures figures(Table table) {
    Snapshot s = table.currentSnapshot();
    long data = s == null ? 0 : Long.parseLong(s.summary().getOrDefault("total-data-files", "0"));
    long deletes = s == null ? 0 : Long.parseLong(s.summary().getOrDefault("total-delete-files", "0"));
    int manifests = s == null ? 0 : s.allManifests(table.io()).size();
    int snapshots = (int) StreamSupport.stream(table.snapshots().spliterator(), false).count();
    long files = 0;
    long bytes = 0;
    if (table.io() instanceof SupportsPrefixOperations prefix) {
      for (FileInfo f : prefix.listPrefix(table.location())) {
        files++;
        bytes += f.size();
      }
    }
    return new TableFigures(data, deletes, files, bytes, snapshots, manifests);
  }
}
