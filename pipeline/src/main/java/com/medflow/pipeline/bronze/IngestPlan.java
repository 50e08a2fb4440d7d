package com.medflow.pipeline.bronze;

import com.medflow.objectstore.S3Connection;
import java.util.List;
import java.util.Optional;

/**
 * What one run will ingest into bronze and what it skips; decided before anything is written.
 * {@code s3}: the connection to the landing zone's store, when the files are S3 objects.
 */
public record IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped, Optional<S3Connection> s3) {
  public IngestPlan {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(s3, "s3 is null");
  }

  public IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped) {
    this(files, skipped, Optional.empty());
  }

  public long dataLines() {
    return files.stream().mapToLong(f -> f.preflight().dataLines()).sum();
  }
}
