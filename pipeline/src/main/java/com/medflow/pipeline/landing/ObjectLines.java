package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * A Spark task that streams one landing object from S3 (pinned to the ETag the preflight hashed)
 * and yields its physical lines numbered from 0, the same pairs {@code spark.read().text(file)
 * .javaRDD().zipWithIndex()} gives for a file. Runs on an executor with its own client.
 */
public final class ObjectLines implements FlatMapFunction<S3Location, Tuple2<Row, Long>> {
  private static final long serialVersionUID = 1L;

  private final S3Connection connection;
  private final String etag;

  public ObjectLines(S3Connection connection, String etag) {
    this.connection = requireNonNull(connection, "connection is null");
    this.etag = etag;
  }

  @Override
  public Iterator<Tuple2<Row, Long>> call(S3Location object) {
    ObjectStore store = new ObjectStore(connection);
    PhysicalLines lines = new PhysicalLines(store.open(object, Optional.ofNullable(etag)));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(ctx -> {
        lines.close();
        store.close();
      });
    }
    return new Iterator<>() {
      private long index;

      @Override
      public boolean hasNext() {
        boolean more = lines.hasNext();
        if (!more && task == null) {
          store.close();
        }
        return more;
      }

      @Override
      public Tuple2<Row, Long> next() {
        return new Tuple2<>(RowFactory.create(lines.next()), index++);
      }
    };
  }
}
