package com.medflow.query.engine;

import com.medflow.config.MedflowConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark rows to {@link QueryResult}: portable types and JSON-friendly values, at most {@code maxRows} rows
 * and {@code maxResultBytes} bytes (the rest is cut and the result says {@code truncated}); one value over
 * {@code maxValueBytes} refuses the whole result, since a cut value would be a wrong value.
 */
final class SparkRows {
  private SparkRows() {}

  static QueryResult toResult(StructType schema, List<Row> rows, int maxRows, MedflowConfig.Query limits) {
    List<ResultColumn> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(new ResultColumn(field.name(), typeName(field.dataType())));
    }
    boolean truncated = rows.size() > maxRows;
    long total = 0;
    List<List<Object>> out = new ArrayList<>(Math.min(rows.size(), maxRows));
    for (int i = 0; i < rows.size() && i < maxRows; i++) {
      Row r = rows.get(i);
      List<Object> values = new ArrayList<>(r.length());
      long rowBytes = 2;
      for (int c = 0; c < r.length(); c++) {
        Object v = value(r.get(c));
        long b = bytes(v);
        if (b > limits.maxValueBytes()) {
          throw new QueryTooExpensiveException(String.format(Locale.ROOT, "A value of column %s has %s; a value may"
              + " have at most %s (query.max-value-bytes). Return a part of it (substring, slice) or aggregate it.",
              columns.get(c).name(), Bytes.human(b), Bytes.human(limits.maxValueBytes())));
        }
        rowBytes += b + 1;
        values.add(v);
      }
      if (total + rowBytes > limits.maxResultBytes()) {
        truncated = true;
        break;
      }
      total += rowBytes;
      out.add(values);
    }
    return new QueryResult(columns, out, truncated, 0);
  }

  /** About the bytes a value takes in the JSON answer ({@link Bytes#json}). */
  static long bytes(Object v) {
    return Bytes.json(v);
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
}
