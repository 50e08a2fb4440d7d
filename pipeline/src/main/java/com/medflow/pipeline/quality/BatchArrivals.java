package com.medflow.pipeline.quality;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Every batch in bronze with its arrival time and row count, read from Iceberg's file metadata
 * (each data file's record count and the lower bound of its {@code ingested_at}), no data file read.
 */
public final class BatchArrivals {
  private final Lake lake;

  public BatchArrivals(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** Oldest first; empty when bronze does not exist yet. */
  public List<BatchArrival> read() {
    if (!lake.exists(Tables.CLAIMS_RAW)) {
      return List.of();
    }
    List<BatchArrival> out = new ArrayList<>();
    for (Row r : lake.spark().sql("SELECT partition.payer, partition.batch_id,"
        + " min(readable_metrics.ingested_at.lower_bound) AS arrived_at, sum(record_count) AS rows FROM "
        + lake.qualified(Tables.CLAIMS_RAW) + ".files WHERE content = 0"
        + " GROUP BY partition.payer, partition.batch_id ORDER BY arrived_at, batch_id, payer").collectAsList()) {
      Object v = r.get(2); // Instant with Spark's Java 8 time API, else Timestamp
      Instant at = v instanceof Timestamp t ? t.toInstant() : (Instant) v;
      if (at == null) {
        throw new IllegalStateException("Bronze batch " + r.getString(0) + "/" + r.getString(1)
            + " has no ingested_at bounds in its file metadata");
      }
      out.add(new BatchArrival(r.getString(0), r.getString(1), at, r.getLong(3)));
    }
    return out;
  }
}
