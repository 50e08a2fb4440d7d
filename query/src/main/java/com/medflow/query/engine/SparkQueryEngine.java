package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Queries on a long-lived SparkSession over the Iceberg catalog. Each query runs in its own Spark
 * job group so a timeout cancels its tasks; sessions are isolated per query (no shared temp state).
 */
public final class SparkQueryEngine implements QueryEngine {
  private final SparkSession spark;
  private final Lake lake;
  private final ExecutorService executor;

  public SparkQueryEngine(SparkSession spark, Lake lake, ExecutorService executor) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout) {
    String group = "medflow-query-" + UUID.randomUUID();
    long start = System.nanoTime();
    Future<QueryResult> f = executor.submit(() -> {
      spark.sparkContext().setJobGroup(group, "interactive query", true);
      try {
        Dataset<Row> df = spark.sql(sql);
        List<Row> rows = df.limit(maxRows + 1).collectAsList();
        List<ResultColumn> columns = new ArrayList<>();
        for (StructField field : df.schema().fields()) {
          columns.add(new ResultColumn(field.name(), typeName(field.dataType())));
        }
        boolean truncated = rows.size() > maxRows;
        List<List<Object>> out = new ArrayList<>(Math.min(rows.size(), maxRows));
        for (int i = 0; i < rows.size() && i < maxRows; i++) {
          Row r = rows.get(i);
          List<Object> values = new ArrayList<>(r.length());
          for (int c = 0; c < r.length(); c++) {
            values.add(value(r.get(c)));
          }
          out.add(values);
        }
        return new QueryResult(columns, out, truncated, 0);
      } finally {
        spark.sparkContext().clearJobGroup();
      }
    });
    try {
      QueryResult r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return r.withLatency((System.nanoTime() - start) / 1_000_000);
    } catch (TimeoutException e) {
      spark.sparkContext().cancelJobGroup(group);
      f.cancel(true);
      throw new QueryTimeoutException(timeout);
    } catch (InterruptedException e) {
      spark.sparkContext().cancelJobGroup(group);
      Thread.currentThread().interrupt();
      throw new QueryFailedException("The query was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new QueryFailedException("The query failed: " + firstLine(cause.getMessage()), cause);
    }
  }

  @Override
  public void ping() {
    spark.sql("SHOW NAMESPACES IN " + lake.catalogName()).collectAsList();
  }

  static String typeName(DataType t) {
    if (t instanceof StringType) {
      return "string";
    }
    if (t instanceof IntegerType || t instanceof LongType || t instanceof ShortType || t instanceof ByteType) {
      return "integer";
    }
    if (t instanceof DecimalType) {
      return "decimal";
    }
    if (t instanceof DoubleType || t instanceof FloatType) {
      return "double";
    }
    if (t instanceof BooleanType) {
      return "boolean";
    }
    if (t instanceof DateType) {
      return "date";
    }
    if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return "timestamp";
    }
    if (t instanceof ArrayType) {
      return "array";
    }
    return "other";
  }

  static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal || v instanceof Long
        || v instanceof Double || v instanceof LocalDate || v instanceof Instant) {
      return v;
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Short s) {
      return s.longValue();
    }
    if (v instanceof Byte b) {
      return b.longValue();
    }
    if (v instanceof Float fl) {
      return fl.doubleValue();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (v instanceof java.time.LocalDateTime ldt) {
      return ldt.toInstant(java.time.ZoneOffset.UTC);
    }
    if (v instanceof scala.collection.Seq<?> seq) {
      List<Object> out = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> out.add(value(x)));
      return out;
    }
    if (v instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, x) -> out.put(String.valueOf(k), value(x)));
      return out;
    }
    return String.valueOf(v);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl > 0 ? s.substring(0, nl) : s;
  }
}
