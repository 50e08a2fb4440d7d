package com.medflow.assistant.semantic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The elements of the {@link SemanticModel}, each with its SQL and its words. */
public final class ModelParts {
  private ModelParts() {}

  /**
   * A named metric: formula from the metric definitions, words and format from the semantic model; a
   * metric of a data-quality table names its {@code source} and the rows it is over ({@code condition}).
   */
  public record Metric(String name, String label, String sql, String format, List<String> synonyms, String description,
                       String better, Optional<String> source, Optional<String> condition) {
    public Metric {
      requireNonNull(name, "name is null");
      requireNonNull(sql, "sql is null");
      synonyms = List.copyOf(synonyms);
    }

    /** Whether a higher value is better ("best approval rate" = highest); empty {@code better} means neither. */
    public boolean higherIsBetter() {
      return "higher".equals(better);
    }

    public boolean hasPolarity() {
      return !better.isEmpty();
    }
  }

  /** A numeric column, its default aggregation and the named metrics its aggregations are. */
  public record MeasureColumn(String column, String label, String format, String defaultAgg, Map<String, String> metrics,
                              List<String> synonyms) {
    public MeasureColumn {
      requireNonNull(column, "column is null");
      metrics = Map.copyOf(metrics);
      synonyms = List.copyOf(synonyms);
    }
  }

  /** Something counted: claims (rows), members, providers. */
  public record Entity(String name, String label, String countMetric, Optional<String> distinctColumn,
                       Optional<String> dimension, List<String> synonyms) {
    public Entity {
      requireNonNull(name, "name is null");
      requireNonNull(countMetric, "countMetric is null");
      synonyms = List.copyOf(synonyms);
    }
  }

  /**
   * A dimension: its SQL, the column its values filter on ({@code valueColumn}, e.g. the CARC code of a
   * denial reason), its words, its values' words, named groups of values ("primary care"), and the
   * source it belongs to when it is not a claims dimension (a quarantine reason).
   */
  public record Dimension(String name, String label, String sql, String valueColumn, List<String> synonyms,
                          boolean valuesFromData, Map<String, List<String>> valueSynonyms,
                          Map<String, List<String>> valueGroups, Optional<String> impliesStatus,
                          Optional<String> source, boolean optional) {
    public Dimension {
      requireNonNull(name, "name is null");
      requireNonNull(sql, "sql is null");
      requireNonNull(valueColumn, "valueColumn is null");
      synonyms = List.copyOf(synonyms);
      valueSynonyms = Map.copyOf(valueSynonyms);
      valueGroups = Map.copyOf(valueGroups);
    }

    /** The output column name: the SQL when it is a plain column, else the dimension's name. */
    public String column() {
      return sql.matches("[a-z_]+") ? sql : name;
    }
  }

  /** A time grain; {@code sql} has {@code {date}} where the date column goes. */
  public record TimeGrain(String name, String sql, String column, List<String> synonyms) {
    public String sql(String dateColumn) {
      return sql.replace("{date}", dateColumn);
    }
  }

  /** A named condition with its own SQL ("adjudicated", "seniors"). */
  public record Condition(String name, String sql, String label, List<String> synonyms, Optional<String> source) {}

  /** A table other than the fact table that questions ask about. */
  public record Source(String name, String table, String label, List<String> synonyms, List<String> dimensions) {}

  /** Words of the quality codes: quarantine reasons, warnings, and words that fit a reason and a denial reason. */
  public record Quality(Map<String, List<String>> reasons, Map<String, List<String>> warnings,
                        List<String> ambiguousDuplicates) {}

  public record Funnel(String table, List<String> synonyms, List<String> stages) {}
}
