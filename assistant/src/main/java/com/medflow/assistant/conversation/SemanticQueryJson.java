package com.medflow.assistant.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medflow.assistant.nlq.Filter;
import com.medflow.assistant.nlq.SemanticQuery;
import com.medflow.assistant.nlq.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Stores a conversation's interpreted query as JSON, so a follow-up refines exactly what was answered. */
public final class SemanticQueryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SemanticQueryJson() {}

  public static String write(SemanticQuery q) {
    ObjectNode o = JSON.createObjectNode();
    q.metrics().forEach(o.putArray("metrics")::add);
    q.dimensions().forEach(o.putArray("dimensions")::add);
    ArrayNode fs = o.putArray("filters");
    for (Filter f : q.filters()) {
      ObjectNode fo = fs.addObject().put("target", f.target()).put("op", f.op().name()).put("label", f.label());
      f.values().forEach(fo.putArray("values")::add);
    }
    q.time().ifPresent(t -> o.putObject("time").put("from", t.from().toString()).put("to", t.to().toString())
        .put("label", t.label()));
    q.orderBy().ifPresent(m -> o.put("order_by", m));
    o.put("descending", q.descending());
    q.limit().ifPresent(n -> o.put("limit", n));
    o.put("funnel", q.funnel());
    return o.toString();
  }

  public static SemanticQuery read(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      List<Filter> filters = new ArrayList<>();
      for (JsonNode f : o.path("filters")) {
        filters.add(new Filter(f.get("target").asText(), Filter.Op.valueOf(f.get("op").asText()), strings(f.path("values")),
            f.get("label").asText()));
      }
      JsonNode t = o.path("time");
      Optional<TimeRange> time = t.isMissingNode() ? Optional.empty() : Optional.of(new TimeRange(
          LocalDate.parse(t.get("from").asText()), LocalDate.parse(t.get("to").asText()), t.get("label").asText()));
      return new SemanticQuery(strings(o.path("metrics")), strings(o.path("dimensions")), filters, time,
          o.hasNonNull("order_by") ? Optional.of(o.get("order_by").asText()) : Optional.empty(),
          o.path("descending").asBoolean(true),
          o.hasNonNull("limit") ? OptionalInt.of(o.get("limit").asInt()) : OptionalInt.empty(),
          o.path("funnel").asBoolean(false));
    } catch (IOException e) {
      throw new UncheckedIOException("Stored conversation query is not valid JSON", e);
    }
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }
}
