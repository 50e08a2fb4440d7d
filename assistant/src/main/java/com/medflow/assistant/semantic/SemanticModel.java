package com.medflow.assistant.semantic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medflow.model.metrics.MetricDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic model ({@code /medflow/assistant/semantic-model.yaml}): the words people use for each
 * metric, numeric column, countable entity, dimension and value, condition, time grain and table, and
 * the SQL each stands for. Metric formulas come from the product's {@link MetricDefinitions}, so the
 * engine, the gold tables and the docs share one definition. Fragments are product text, never user text.
 */
public final class SemanticModel {
  private final int version;
  private final String factTable;
  private final String timeColumn;
  private final Map<String, ModelParts.Metric> metrics;
  private final Map<String, ModelParts.MeasureColumn> measures;
  private final Map<String, ModelParts.Entity> entities;
  private final Map<String, ModelParts.Dimension> dimensions;
  private final Map<String, List<String>> diagnoses;
  private final Map<String, ModelParts.TimeGrain> grains;
  private final List<String> trendWords;
  private final Map<String, List<String>> dateFields;
  private final Map<String, ModelParts.Condition> conditions;
  private final Map<String, ModelParts.Source> sources;
  private final ModelParts.Quality quality;
  private final ModelParts.Funnel funnel;
  private final List<String> rules;

  private SemanticModel(JsonNode root, MetricDefinitions definitions) {
    ModelReader r = new ModelReader(definitions);
    this.version = root.path("version").asInt();
    this.factTable = ModelReader.text(root, "fact_table");
    this.timeColumn = ModelReader.text(root, "time_column");
    this.metrics = r.metrics(root);
    this.measures = r.measures(root.path("measures"));
    this.entities = r.entities(root.path("entities"));
    this.dimensions = r.dimensions(root.path("dimensions"));
    this.diagnoses = ModelReader.stringLists(root.path("diagnoses"));
    this.grains = r.grains(root.path("time").path("grains"));
    this.trendWords = ModelReader.strings(root.path("time").path("generic"));
    this.dateFields = ModelReader.stringLists(root.path("time").path("date_fields"));
    this.conditions = r.conditions(root.path("conditions"));
    this.sources = r.sources(root.path("sources"));
    this.quality = r.quality(root.path("quality"));
    this.funnel = r.funnel(root.path("funnel"));
    this.rules = ModelReader.strings(root.path("rules"));
    r.check(this);
  }

  /** The model in {@code file} (YAML), checked as the built-in one is; errors name the file. */
  public static SemanticModel load(java.nio.file.Path file) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return new SemanticModel(new ObjectMapper(new YAMLFactory()).readTree(in), MetricDefinitions.standard());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the semantic model " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Semantic model " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file when given, else the built-in model. */
  public static SemanticModel load(Optional<java.nio.file.Path> file) {
    return file.map(SemanticModel::load).orElseGet(SemanticModel::load);
  }

  public static SemanticModel load() {
    String resource = "/medflow/assistant/semantic-model.yaml";
    try (InputStream in = SemanticModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Semantic model missing from the classpath: " + resource);
      }
      return new SemanticModel(new ObjectMapper(new YAMLFactory()).readTree(in), MetricDefinitions.standard());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the semantic model " + resource, e);
    }
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

  public Map<String, ModelParts.Metric> metrics() {
    return metrics;
  }

  public ModelParts.Metric metric(String name) {
    return requireNonNull(metrics.get(name), () -> "no metric " + name);
  }

  public Map<String, ModelParts.MeasureColumn> measures() {
    return measures;
  }

  public Optional<ModelParts.MeasureColumn> measure(String column) {
    return Optional.ofNullable(measures.get(column));
  }

  public Map<String, ModelParts.Entity> entities() {
    return entities;
  }

  public ModelParts.Entity entity(String name) {
    return requireNonNull(entities.get(name), () -> "no entity " + name);
  }

  public Map<String, ModelParts.Dimension> dimensions() {
    return dimensions;
  }

  public ModelParts.Dimension dimension(String name) {
    return requireNonNull(dimensions.get(name), () -> "no dimension " + name);
  }

  public Optional<ModelParts.Dimension> findDimension(String name) {
    return Optional.ofNullable(dimensions.get(name));
  }

  /** Named conditions on a diagnosis code: words → code prefixes or category ranges ("D50-D64"). */
  public Map<String, List<String>> diagnoses() {
    return diagnoses;
  }

  public Map<String, ModelParts.TimeGrain> grains() {
    return grains;
  }

  /** Words that ask for a trend without naming a grain ("over time"). */
  public List<String> trendWords() {
    return trendWords;
  }

  /** Date column → the words that name it before a period ("submitted in March"). */
  public Map<String, List<String>> dateFields() {
    return dateFields;
  }

  public Map<String, ModelParts.Condition> conditions() {
    return conditions;
  }

  public ModelParts.Condition condition(String name) {
    return requireNonNull(conditions.get(name), () -> "no condition " + name);
  }

  public Map<String, ModelParts.Source> sources() {
    return sources;
  }

  public ModelParts.Source source(String name) {
    return requireNonNull(sources.get(name), () -> "no source " + name);
  }

  public ModelParts.Quality quality() {
    return quality;
  }

  public ModelParts.Funnel funnel() {
    return funnel;
  }

  public List<String> rules() {
    return rules;
  }
}
