package com.medflow.pipeline.bronze;

import java.util.List;

/** What one run will ingest into bronze and what it skips; decided before anything is written. */
public record IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped) {
  public IngestPlan {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }

  public long dataLines() {
    return files.stream().mapToLong(f -> f.preflight().dataLines()).sum();
  }
}
