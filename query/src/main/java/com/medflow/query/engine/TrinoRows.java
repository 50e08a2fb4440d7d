package com.medflow.query.engine;

import com.medflow.config.MedflowConfig;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trino JDBC rows to {@link QueryResult} with the same portable types and JSON-friendly values as
 * {@link SparkRows} (integers as Long, dates as LocalDate, timestamps as UTC Instants, arrays as lists), and
 * the same row, result-byte and value-byte limits.
 */
final class TrinoRows {
  private TrinoRows() {}

  static List<ResultColumn> columns(ResultSetMetaData md) throws SQLException {
    List<ResultColumn> out = new ArrayList<>();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      out.add(new ResultColumn(md.getColumnLabel(c), typeName(md.getColumnTypeName(c))));
    }
    return out;
  }

  /** Reads up to {@code maxRows} rows (one more tells that the result was cut). */
  static QueryResult read(ResultSet rs, int maxRows, MedflowConfig.Query limits) throws SQLException {
    List<ResultColumn> columns = columns(rs.getMetaData());
    List<List<Object>> out = new ArrayList<>();
    boolean truncated = false;
    long total = 0;
    while (rs.next()) {
      if (out.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> values = new ArrayList<>(columns.size());
      long rowBytes = 2;
      for (int c = 0; c < columns.size(); c++) {
        Object v = value(rs, c + 1, columns.get(c).type());
        long b = SparkRows.bytes(v);
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

  static String typeName(String trinoType) {
    String t = trinoType.toLowerCase(Locale.ROOT);
    if (t.startsWith("varchar") || t.startsWith("char")) {
      return "string";
    }
    if (t.equals("bigint") || t.equals("integer") || t.equals("smallint") || t.equals("tinyint")) {
      return "integer";
    }
    if (t.startsWith("decimal")) {
      return "decimal";
    }
    if (t.equals("double") || t.equals("real")) {
      return "double";
    }
    if (t.equals("boolean")) {
      return "boolean";
    }
    if (t.equals("date")) {
      return "date";
    }
    if (t.startsWith("timestamp")) {
      return "timestamp";
    }
    if (t.startsWith("array")) {
      return "array";
    }
    return "other";
  }

  private static Object value(ResultSet rs, int c, String type) throws SQLException {
    switch (type) {
      case "date" -> {
        LocalDate d = rs.getObject(c, LocalDate.class);
        return d;
      }
      case "timestamp" -> {
        if (rs.getMetaData().getColumnTypeName(c).toLowerCase(Locale.ROOT).contains("with time zone")) {
          java.sql.Timestamp ts = rs.getTimestamp(c);
          return ts == null ? null : ts.toInstant();
        }
        LocalDateTime ldt = rs.getObject(c, LocalDateTime.class);
        return ldt == null ? null : ldt.toInstant(ZoneOffset.UTC);
      }
      default -> {
        return plain(rs.getObject(c));
      }
    }
  }

  static Object plain(Object v) throws SQLException {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal || v instanceof Long
        || v instanceof Double) {
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
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (v instanceof Array a) {
      List<Object> out = new ArrayList<>();
      for (Object x : (Object[]) a.getArray()) {
        out.add(plain(x));
      }
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object x : list) {
        out.add(plain(x));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return out;
    }
    return String.valueOf(v);
  }
}
