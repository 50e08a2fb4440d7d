package com.medflow.assistant.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medflow.assistant.nlq.query.SemanticQuery;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity of a semantic query without its wording: its JSON with every {@code label} (the words a
 * question used for a filter, period or band) and the {@code relative} flag of periods removed, keys sorted.
 * Two questions with equal keys run the same SQL, so a verification of one holds for the other.
 */
public final class QueryKey {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final Set<String> WORDING = Set.of("label", "relative");

  private QueryKey() {}

  public static String of(SemanticQuery q) {
    return strip(JSON.valueToTree(q)).toString();
  }

  private static JsonNode strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new java.util.ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      names.stream().sorted().filter(k -> !WORDING.contains(k)).forEach(k -> out.set(k, strip(o.get(k))));
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = JSON.createArrayNode();
      a.forEach(x -> out.add(strip(x)));
      return out;
    }
    return n;
  }
}
