package com.medflow.assistant.nlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data facts of the default demo data (100,000 claims, seed 42), as read once from claims_clean
 * into {@code demo-facts.json}: the engine's tests read questions against the values the demo has.
 */
public final class DemoFacts {
  public static final DataFacts FACTS = load();

  private DemoFacts() {}

  private static DataFacts load() {
    try (InputStream in = DemoFacts.class.getResourceAsStream("/demo-facts.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      JsonNode row = root.path("rows").get(0);
      Map<String, List<String>> values = new LinkedHashMap<>();
      int i = 0;
      LocalDate earliest = null;
      LocalDate latest = null;
      for (JsonNode c : root.path("columns")) {
        String name = c.path("name").asText();
        JsonNode v = row.get(i++);
        if (name.equals("earliest")) {
          earliest = LocalDate.parse(v.asText());
        } else if (name.equals("latest")) {
          latest = LocalDate.parse(v.asText());
        } else {
          List<String> list = new ArrayList<>();
          v.forEach(x -> list.add(x.asText()));
          values.put(name, list);
        }
      }
      return new DataFacts(values, earliest, latest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
