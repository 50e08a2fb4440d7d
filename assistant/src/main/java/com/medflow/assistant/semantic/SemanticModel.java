package com.medflow.assistant.semantic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic model ({@code /medflow/assistant/semantic-model.yaml}): metrics, dimensions, time
 * grains, glossary and rules, each with its SQL and the words people use for it. The SQL fragments
 * are part of the product, never user text.
 */
public final class SemanticModel {
  public record Metric(String name, String label, String sql, String format, List<String> synonyms, String description,
                       String better) {
    /** Whether a higher value is better ("best approval rate" = highest), lower, or neither (empty). */
    public boolean higherIsBetter() {
      return "higher".equals(better);
    }
  }

  public record Dimension(String name, String label, String sql, List<String> synonyms, boolean valuesFromData,
                          Map<String, List<String>> valueSynonyms, Optional<String> impliesStatus) {}

  public record TimeGrain(String name, String sql, String column, List<String> synonyms) {}

  public record GlossaryTerm(String term, List<String> synonyms, String filter, String description) {}

  public record AgeWord(String name, String sql, List<String> synonyms) {}

  public record Funnel(String table, List<String> synonyms, List<String> stages) {}

  private final int version;
  private final String factTable;
  private final String timeColumn;
  private final Map<String, Metric> metrics;
  private final Map<String, Dimension> dimensions;
  private final Map<String, TimeGrain> grains;
  private final List<GlossaryTerm> glossary;
  private final List<AgeWord> ageWords;
  private final Funnel funnel;
  private final List<String> rules;
  private final List<String> genericTrendWords;

  private SemanticModel(int version, String factTable, String timeColumn, Map<String, Metric> metrics,
                        Map<String, Dimension> dimensions, Map<String, TimeGrain> grains, List<GlossaryTerm> glossary,
                        List<AgeWord> ageWords, Funnel funnel, List<String> rules, List<String> genericTrendWords) {
    this.version = version;
    this.factTable = factTable;
    this.timeColumn = timeColumn;
    this.metrics = metrics;
    this.dimensions = dimensions;
    this.grains = grains;
    this.glossary = glossary;
    this.ageWords = ageWords;
    this.funnel = funnel;
    this.rules = rules;
    this.genericTrendWords = genericTrendWords;
  }

  public static SemanticModel load() {
    String resource = "/medflow/assistant/semantic-model.yaml";
    try (InputStream in = SemanticModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Semantic model missing from the classpath: " + resource);
      }
      return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the semantic model " + resource, e);
    }
  }

  static SemanticModel parse(JsonNode root) {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (JsonNode m : root.path("metrics")) {
      Metric metric = new Metric(text(m, "name"), text(m, "label"), text(m, "sql"), text(m, "format"), strings(m.path("synonyms")),
          m.path("description").asText(""), m.path("better").asText(""));
      metrics.put(metric.name(), metric);
    }
    Map<String, Dimension> dims = new LinkedHashMap<>();
    for (JsonNode d : root.path("dimensions")) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      d.path("value_synonyms").fields().forEachRemaining(e -> values.put(e.getKey(), strings(e.getValue())));
      Dimension dim = new Dimension(text(d, "name"), text(d, "label"), text(d, "sql"), strings(d.path("synonyms")),
          d.path("values_from_data").asBoolean(false), values,
          d.hasNonNull("implies_status") ? Optional.of(d.get("implies_status").asText()) : Optional.empty());
      dims.put(dim.name(), dim);
    }
    Map<String, TimeGrain> grains = new LinkedHashMap<>();
    root.path("time").path("grains").fields().forEachRemaining(e -> grains.put(e.getKey(),
        new TimeGrain(e.getKey(), text(e.getValue(), "sql"), text(e.getValue(), "column"), strings(e.getValue().path("synonyms")))));
    List<GlossaryTerm> glossary = new ArrayList<>();
    for (JsonNode g : root.path("glossary")) {
      glossary.add(new GlossaryTerm(text(g, "term"), strings(g.path("synonyms")), text(g, "filter"),
          g.path("description").asText("")));
    }
    List<AgeWord> ages = new ArrayList<>();
    root.path("age_words").fields().forEachRemaining(e -> ages.add(new AgeWord(e.getKey(), text(e.getValue(), "sql"),
        strings(e.getValue().path("synonyms")))));
    JsonNode f = root.path("funnel");
    Funnel funnel = new Funnel(text(f, "table"), strings(f.path("synonyms")), strings(f.path("stages")));
    return new SemanticModel(root.path("version").asInt(), text(root, "fact_table"), text(root, "time_column"), metrics,
        dims, grains, glossary, ages, funnel, strings(root.path("rules")), strings(root.path("time").path("generic")));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("Semantic model: missing '" + field + "' in " + n);
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }

  public int version() {
    return version;
  }

  public String factTable() {
    return factTable;
  }

  public String timeColumn() {
    return timeColumn;
  }

  public Map<String, Metric> metrics() {
    return metrics;
  }

  public Metric metric(String name) {
    return requireNonNull(metrics.get(name), () -> "no metric " + name);
  }

  public Map<String, Dimension> dimensions() {
    return dimensions;
  }

  public Dimension dimension(String name) {
    return requireNonNull(dimensions.get(name), () -> "no dimension " + name);
  }

  public Map<String, TimeGrain> grains() {
    return grains;
  }

  public List<GlossaryTerm> glossary() {
    return glossary;
  }

  public List<AgeWord> ageWords() {
    return ageWords;
  }

  public Funnel funnel() {
    return funnel;
  }

  /** Words that ask for a trend without naming a grain ("over time"). */
  public List<String> genericTrendWords() {
    return genericTrendWords;
  }

  public List<String> rules() {
    return rules;
  }
}
