package com.medflow.lake.maintenance;

import static java.util.Objects.requireNonNull;

import com.medflow.model.TableId;

/** One table's maintenance: figures before and after and what each step did. */
public record MaintenanceResult(TableId table, TableFigures before, TableFigures after, int rewrittenDataFiles,
                                int addedDataFiles, int removedDeleteFiles, long expiredSnapshots, int rewrittenManifests,
                                long orphanFilesRemoved, long millis) {
  public MaintenanceResult {
    requireNonNull(table, "table is null");
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
  }
}
