package com.medflow.model.metrics;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of each business metric ({@code /medflow/metrics.yaml}): an aggregate SQL
 * formula over {@code healthcare.claims_clean} rows. Gold table SQL refers to them as
 * {@code ${metric:NAME}}; the question engine compiles with the same formulas.
 */
public final class MetricDefinitions {
  /** One metric: its name (also the column name it gets), SQL formula and meaning. */
  public record Metric(String name, String sql, String description) {
    public Metric {
      requireNonNull(name, "name is null");
      requireNonNull(sql, "sql is null");
      requireNonNull(description, "description is null");
    }
  }

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{metric:([a-z_]+)}");
  private static final MetricDefinitions STANDARD = load("/medflow/metrics.yaml");

  private final Map<String, Metric> metrics;

  private MetricDefinitions(Map<String, Metric> metrics) {
    this.metrics = Collections.unmodifiableMap(metrics);
  }

  /** The metrics shipped with the product. */
  public static MetricDefinitions standard() {
    return STANDARD;
  }

  static MetricDefinitions load(String resource) {
    try (InputStream in = MetricDefinitions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Metric definitions missing from the classpath: " + resource);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Metric> out = new LinkedHashMap<>();
      for (JsonNode m : root.path("metrics")) {
        Metric metric = new Metric(m.path("name").asText(), m.path("sql").asText(), m.path("description").asText(""));
        if (metric.name().isEmpty() || metric.sql().isEmpty()) {
          throw new IllegalStateException("Invalid metric in " + resource + ": " + m);
        }
        if (out.put(metric.name(), metric) != null) {
          throw new IllegalStateException("Metric defined twice in " + resource + ": " + metric.name());
        }
      }
      return new MetricDefinitions(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read metric definitions " + resource, e);
    }
  }

  public Map<String, Metric> all() {
    return metrics;
  }

  public Optional<Metric> find(String name) {
    return Optional.ofNullable(metrics.get(name));
  }

  public Metric get(String name) {
    Metric m = metrics.get(name);
    if (m == null) {
      throw new IllegalArgumentException("Unknown metric: " + name);
    }
    return m;
  }

  /** Replaces every {@code ${metric:NAME}} in {@code sql} with that metric's formula. */
  public String expand(String sql) {
    Matcher m = REFERENCE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(get(m.group(1)).sql()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
