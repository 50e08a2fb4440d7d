package com.medflow.assistant.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.model.metrics.MetricDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the sections of semantic-model.yaml, failing on a missing field or a reference to nothing. */
final class ModelReader {
  private final MetricDefinitions definitions;

  ModelReader(MetricDefinitions definitions) {
    this.definitions = definitions;
  }

  Map<String, ModelParts.Metric> metrics(JsonNode root) {
    Map<String, ModelParts.Metric> out = new LinkedHashMap<>();
    Map<String, JsonNode> words = new LinkedHashMap<>();
    root.path("metrics").forEach(m -> words.put(text(m, "name"), m));
    for (MetricDefinitions.Metric d : definitions.all().values()) {
      JsonNode w = words.remove(d.name());
      String label = w == null ? d.name().replace('_', ' ') : w.path("label").asText(d.name().replace('_', ' '));
      String format = w == null ? format(d.name()) : w.path("format").asText(format(d.name()));
      out.put(d.name(), new ModelParts.Metric(d.name(), label, d.sql(), format,
          w == null ? List.of() : strings(w.path("synonyms")), d.description(), w == null ? "" : w.path("better").asText(""),
          Optional.empty(), Optional.empty()));
    }
    for (JsonNode m : root.path("source_metrics")) {
      out.put(text(m, "name"), new ModelParts.Metric(text(m, "name"), text(m, "label"), text(m, "sql"), text(m, "format"),
          strings(m.path("synonyms")), m.path("description").asText(""), m.path("better").asText(""),
          Optional.of(text(m, "source")), optional(m, "condition")));
    }
    if (!words.isEmpty()) {
      throw new IllegalArgumentException("Semantic model: metrics without a definition in metrics.yaml: " + words.keySet());
    }
    return out;
  }

  private static String format(String metric) {
    if (metric.endsWith("_rate") || metric.endsWith("_ratio")) {
      return "rate";
    }
    if (metric.contains("amount")) {
      return "money";
    }
    return metric.contains("days") ? "days" : "integer";
  }

  Map<String, ModelParts.MeasureColumn> measures(JsonNode n) {
    Map<String, ModelParts.MeasureColumn> out = new LinkedHashMap<>();
    for (JsonNode m : n) {
      Map<String, String> metrics = new LinkedHashMap<>();
      m.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), definitions.get(e.getValue().asText()).name()));
      out.put(text(m, "column"), new ModelParts.MeasureColumn(text(m, "column"), text(m, "label"), text(m, "format"),
          text(m, "default"), metrics, strings(m.path("synonyms"))));
    }
    return out;
  }

  Map<String, ModelParts.Entity> entities(JsonNode n) {
    Map<String, ModelParts.Entity> out = new LinkedHashMap<>();
    for (JsonNode e : n) {
      out.put(text(e, "name"), new ModelParts.Entity(text(e, "name"), text(e, "label"),
          definitions.get(text(e, "count")).name(), optional(e, "distinct"), optional(e, "dimension"),
          strings(e.path("synonyms"))));
    }
    return out;
  }

  Map<String, ModelParts.Dimension> dimensions(JsonNode n) {
    Map<String, ModelParts.Dimension> out = new LinkedHashMap<>();
    for (JsonNode d : n) {
      String sql = text(d, "sql");
      out.put(text(d, "name"), new ModelParts.Dimension(text(d, "name"), text(d, "label"), sql,
          d.path("value_column").asText(sql), strings(d.path("synonyms")), d.path("values_from_data").asBoolean(false),
          stringLists(d.path("value_synonyms")), stringLists(d.path("value_groups")), optional(d, "implies_status"),
          optional(d, "source"), d.path("optional").asBoolean(false)));
    }
    return out;
  }

  Map<String, ModelParts.TimeGrain> grains(JsonNode n) {
    Map<String, ModelParts.TimeGrain> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), new ModelParts.TimeGrain(e.getKey(), text(e.getValue(), "sql"),
        text(e.getValue(), "column"), strings(e.getValue().path("synonyms")))));
    return out;
  }

  Map<String, ModelParts.Condition> conditions(JsonNode n) {
    Map<String, ModelParts.Condition> out = new LinkedHashMap<>();
    for (JsonNode c : n) {
      out.put(text(c, "name"), new ModelParts.Condition(text(c, "name"), text(c, "sql"), text(c, "label"),
          strings(c.path("synonyms")), optional(c, "source")));
    }
    return out;
  }

  Map<String, ModelParts.Source> sources(JsonNode n) {
    Map<String, ModelParts.Source> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), new ModelParts.Source(e.getKey(), text(e.getValue(), "table"),
        text(e.getValue(), "label"), strings(e.getValue().path("synonyms")), strings(e.getValue().path("dimensions")))));
    return out;
  }

  ModelParts.Quality quality(JsonNode n) {
    return new ModelParts.Quality(stringLists(n.path("reasons")), stringLists(n.path("warnings")),
        strings(n.path("ambiguous_duplicates")));
  }

  ModelParts.Funnel funnel(JsonNode f) {
    return new ModelParts.Funnel(text(f, "table"), strings(f.path("synonyms")), strings(f.path("stages")));
  }

  /** References between sections must resolve. */
  void check(SemanticModel m) {
    for (ModelParts.Entity e : m.entities().values()) {
      e.dimension().ifPresent(m::dimension);
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("Semantic model: missing '" + field + "' in " + n);
    }
    return v.asText();
  }

  static Optional<String> optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }

  static Map<String, List<String>> stringLists(JsonNode n) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue())));
    return out;
  }
}
