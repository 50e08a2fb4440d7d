package com.medflow.pipeline.run;

import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.ObjectStoreException;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the run's S3 buckets before each task, so a store that went away between tasks fails the
 * run at once with one clear line instead of after Iceberg's metadata retries (which ride out
 * short outages for a minute or two). One small HEAD request per bucket and task.
 */
final class StoreProbe implements AutoCloseable {
  private final ObjectStore store;
  private final List<String[]> buckets;

  /** {@code buckets}: pairs of bucket name and the setting that named it. */
  StoreProbe(S3Connection connection, List<String[]> buckets) {
    this.store = new ObjectStore(connection);
    this.buckets = List.copyOf(buckets);
  }

  /** A probe of the S3 buckets of the landing zone and the warehouse, when either is on S3. */
  static Optional<StoreProbe> forRun(Optional<S3Connection> s3, String landing, Optional<String> warehouse) {
    List<String[]> buckets = new ArrayList<>();
    if (MedflowConfig.isS3(landing)) {
      buckets.add(new String[] {S3Location.parse(landing).bucket(), "landing.dir"});
    }
    warehouse.filter(MedflowConfig::isS3).ifPresent(wh -> buckets.add(
        new String[] {S3Location.parse(wh).bucket(), "catalog.warehouse"}));
    return buckets.isEmpty() || s3.isEmpty() ? Optional.empty() : Optional.of(new StoreProbe(s3.get(), buckets));
  }

  void check() {
    for (String[] b : buckets) {
      store.checkBucket(b[0], b[1]);
    }
  }

  boolean reachable() {
    try {
      check();
      return true;
    } catch (ObjectStoreException e) {
      return false;
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
