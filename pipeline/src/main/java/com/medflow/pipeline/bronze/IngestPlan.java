package com.medflow.pipeline.bronze;

import com.medflow.objectstore.S3Connection;
import com.medflow.pipeline.landing.RefusedFile;
import java.util.List;
import java.util.Optional;

/**
 * What one run will ingest into bronze, what it skips (nothing new in it), what it refuses (unreadable, or in no
 * payer's folder) and what it holds back (new files of a payer with a refused file); decided before anything is
 * written. {@code s3}: the connection to the landing zone's store, when the files are S3 objects.
 */
public record IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped, List<RefusedFile> refused,
                         List<RefusedFile> held, Optional<S3Connection> s3) {
  public IngestPlan {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    refused = List.copyOf(refused);
    held = List.copyOf(held);
    java.util.Objects.requireNonNull(s3, "s3 is null");
  }

  public IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped, Optional<S3Connection> s3) {
    this(files, skipped, List.of(), List.of(), s3);
  }

  public IngestPlan(List<IngestedFile> files, List<SkippedFile> skipped) {
    this(files, skipped, Optional.empty());
  }

  public long dataLines() {
    return files.stream().mapToLong(f -> f.preflight().dataLines()).sum();
  }
}
