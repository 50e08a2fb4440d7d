package com.medflow.assistant.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.query.SemanticQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a conversation turn stores of what it did: the SQL that actually ran and, when the offline engine
 * read the question, its semantic query (so a follow-up refines exactly what was answered); or, for a
 * clarification, the readings offered (so choosing one answers exactly that reading).
 */
public final class SemanticQueryJson {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A stored turn: the semantic query and SQL that ran, or the readings a clarification offered. */
  public record Stored(Optional<SemanticQuery> query, Optional<String> sql, List<ParseResult.Reading> readings) {}

  private SemanticQueryJson() {}

  public static String ran(Optional<SemanticQuery> q, String sql) {
    ObjectNode o = JSON.createObjectNode();
    q.ifPresent(x -> o.set("query", JSON.valueToTree(x)));
    o.put("sql", sql);
    return o.toString();
  }

  public static String readings(List<ParseResult.Reading> readings) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray("readings");
    for (ParseResult.Reading r : readings) {
      a.addObject().put("question", r.question()).set("query", JSON.valueToTree(r.query()));
    }
    return o.toString();
  }

  public static Stored read(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      Optional<SemanticQuery> q = o.hasNonNull("query") ? Optional.of(JSON.treeToValue(o.get("query"), SemanticQuery.class))
          : Optional.empty();
      Optional<String> sql = o.hasNonNull("sql") ? Optional.of(o.get("sql").asText()) : Optional.empty();
      List<ParseResult.Reading> readings = new ArrayList<>();
      for (JsonNode r : o.path("readings")) {
        readings.add(new ParseResult.Reading(r.get("question").asText(), JSON.treeToValue(r.get("query"),
            SemanticQuery.class)));
      }
      return new Stored(q, sql, readings);
    } catch (IOException e) {
      throw new UncheckedIOException("Stored conversation turn is not valid JSON", e);
    }
  }
}
