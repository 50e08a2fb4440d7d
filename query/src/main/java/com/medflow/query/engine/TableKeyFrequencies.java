package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.medflow.lake.Lake;
import com.medflow.model.TableId;
import com.medflow.query.engine.cost.KeyFrequencies;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Key frequencies counted by Spark ({@code max(count(*)) GROUP BY column}) on the current snapshot of a
 * lake table, remembered per table, column and snapshot. Counted on the calling thread, so inside the
 * asking query's job group and time limit; only asked for joins whose sides are both large.
 */
final class TableKeyFrequencies implements KeyFrequencies {
  private final SparkSession spark;
  private final Lake lake;
  private final Cache<String, Long> counted = Caffeine.newBuilder().maximumSize(1_000).build();

  TableKeyFrequencies(SparkSession spark, Lake lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  @Override
  public OptionalLong maxFrequency(String table, String column) {
    String prefix = lake.catalogName() + ".";
    if (!table.startsWith(prefix)) {
      return OptionalLong.empty();
    }
    TableId id;
    try {
      id = TableId.parse(table.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    String key = id + "\u0000" + column + "\u0000" + lake.currentSnapshotId(id).orElse(-1L);
    Long n = counted.get(key, k -> {
      Row r = spark.table(table).groupBy(functions.col("`" + column.replace("`", "``") + "`")).count()
          .agg(functions.max("count")).first();
      return r.isNullAt(0) ? 0L : r.getLong(0);
    });
    return OptionalLong.of(n);
  }
}
