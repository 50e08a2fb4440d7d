package com.medflow.query.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** JSON form of a result for out-of-process caches; values come back with their Java types by column type. */
final class ResultCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultCodec() {}

  static String encode(QueryResult r) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode cols = root.putArray("columns");
    for (ResultColumn c : r.columns()) {
      cols.addObject().put("name", c.name()).put("type", c.type());
    }
    root.put("truncated", r.truncated());
    root.put("latency_ms", r.latencyMs());
    ArrayNode rows = root.putArray("rows");
    for (List<Object> row : r.rows()) {
      ArrayNode a = rows.addArray();
      for (Object v : row) {
        // Decimals as text keep their scale (1250.50 stays 1250.50 when it comes back).
        a.add(MAPPER.valueToTree(v instanceof LocalDate || v instanceof Instant ? v.toString()
            : v instanceof BigDecimal d ? d.toPlainString() : v));
      }
    }
    return root.toString();
  }

  static QueryResult decode(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      List<ResultColumn> cols = new ArrayList<>();
      root.get("columns").forEach(c -> cols.add(new ResultColumn(c.get("name").asText(), c.get("type").asText())));
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode row : root.get("rows")) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
          values.add(value(row.get(i), cols.get(i).type()));
        }
        rows.add(values);
      }
      return new QueryResult(cols, rows, root.get("truncated").asBoolean(), root.get("latency_ms").asLong());
    } catch (IOException e) {
      throw new UncheckedIOException("Cached result is not valid JSON", e);
    }
  }

  private static Object value(JsonNode v, String type) {
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (type) {
      case "integer" -> v.asLong();
      case "decimal" -> decimal(v);
      case "double" -> v.isTextual() ? v.asText() : v.asDouble();
      case "boolean" -> v.asBoolean();
      case "date" -> LocalDate.parse(v.asText());
      case "timestamp" -> Instant.parse(v.asText());
      case "array" -> MAPPER.convertValue(v, List.class);
      default -> v.isTextual() ? v.asText() : MAPPER.convertValue(v, Object.class);
    };
  }

  private static BigDecimal decimal(JsonNode v) {
    return v.isTextual() ? new BigDecimal(v.asText()) : v.decimalValue();
  }
}
