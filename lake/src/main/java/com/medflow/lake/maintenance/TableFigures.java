package com.medflow.lake.maintenance;

import com.medflow.model.Preconditions;

/**
 * What a table holds at one moment: files of its current snapshot (data and delete files), every
 * file stored under its folder (data of old snapshots, manifests and metadata included) and bytes.
 */
public record TableFigures(long dataFiles, long deleteFiles, long storedFiles, long storedBytes, int snapshots,
                           int manifests) {
  public TableFigures {
    Preconditions.checkArgument(dataFiles >= 0 && deleteFiles >= 0 && storedFiles >= 0 && storedBytes >= 0
        && snapshots >= 0 && manifests >= 0, "Invalid table figures: %s files", dataFiles);
  }
}
