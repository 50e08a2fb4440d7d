package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import com.medflow.pipeline.bronze.X12BronzeRows;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * A Spark task that streams one X12 landing object from S3 (pinned to the ETag the preflight hashed) and
 * yields its bronze rows, as {@link X12BronzeRows} does for a file.
 */
public final class ObjectRows implements FlatMapFunction<S3Location, Row> {
  private static final long serialVersionUID = 1L;

  private final S3Connection connection;
  private final String etag;
  private final X12BronzeRows rows;

  public ObjectRows(S3Connection connection, String etag, X12BronzeRows rows) {
    this.connection = requireNonNull(connection, "connection is null");
    this.etag = etag;
    this.rows = requireNonNull(rows, "rows is null");
  }

  @Override
  public Iterator<Row> call(S3Location object) {
    try (ObjectStore store = new ObjectStore(connection)) {
      java.util.List<Row> out = new java.util.ArrayList<>();
      rows.rows(store.open(object, Optional.ofNullable(etag))).forEachRemaining(out::add);
      return out.iterator();
    }
  }
}
