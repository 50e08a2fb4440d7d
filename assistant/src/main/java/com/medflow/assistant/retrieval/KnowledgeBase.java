package com.medflow.assistant.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.ColumnSpec;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents retrieval searches: each table with its columns (from the contract), each metric,
 * dimension and glossary term of the semantic model, the business rules, and the verified
 * question-to-SQL examples. They hold definitions and SQL, never claim rows.
 */
public final class KnowledgeBase {
  /** One searchable document; {@code sql} is set for examples. */
  public record Document(String id, String kind, String title, String text, String sql) {}

  private KnowledgeBase() {}

  public static List<Document> build(SemanticModel model) {
    List<Document> docs = new ArrayList<>();
    for (TableSpec t : Tables.ALL) {
      StringBuilder sb = new StringBuilder(t.description()).append("\nColumns:");
      for (ColumnSpec c : t.columns()) {
        sb.append("\n- ").append(c.name()).append(" (").append(c.type()).append(c.pii() ? ", PII" : "").append("): ")
            .append(c.description());
      }
      docs.add(new Document("table:" + t.id(), "table", t.id().toString(), sb.toString(), null));
    }
    for (ModelParts.Metric m : model.metrics().values()) {
      docs.add(new Document("metric:" + m.name(), "metric", m.label(), m.description() + " Also called: "
          + String.join(", ", m.synonyms()) + ". SQL: " + m.sql(), null));
    }
    for (ModelParts.Dimension d : model.dimensions().values()) {
      StringBuilder sb = new StringBuilder("Dimension ").append(d.label()).append(" (SQL: ").append(d.sql())
          .append("). Also called: ").append(String.join(", ", d.synonyms())).append('.');
      d.valueSynonyms().forEach((v, words) -> sb.append(" Value '").append(v).append("' is said as: ")
          .append(String.join(", ", words)).append('.'));
      docs.add(new Document("dimension:" + d.name(), "dimension", d.label(), sb.toString(), null));
    }
    for (ModelParts.Condition c : model.conditions().values()) {
      docs.add(new Document("condition:" + c.name(), "glossary", c.label(), c.label() + ". Also called: "
          + String.join(", ", c.synonyms()) + ". Filter: " + c.sql(), null));
    }
    // one document per condition: the names of the same codes ("heart attack", "heart attacks") are one entry
    java.util.Map<List<String>, List<String>> namesByCodes = new java.util.LinkedHashMap<>();
    model.diagnoses().forEach((words, codes) -> namesByCodes.computeIfAbsent(codes,
        c -> new ArrayList<>()).add(words));
    namesByCodes.forEach((codes, names) -> docs.add(new Document("diagnosis:" + names.get(0), "glossary",
        String.join(", ", names), "Diagnosis condition '" + String.join("', '", names) + "': ICD-10-CM codes "
            + String.join(", ", codes) + " (a prefix, or a range of three-character categories) on primary_diagnosis,"
            + " or secondary_diagnosis when asked.", null)));
    for (ModelParts.MeasureColumn m : model.measures().values()) {
      docs.add(new Document("measure:" + m.column(), "measure", m.label(), "Column " + m.column() + " (" + m.format()
          + "), default aggregation " + m.defaultAgg() + ". Also called: " + String.join(", ", m.synonyms()) + ".", null));
    }
    model.grains().values().forEach(g -> docs.add(new Document("time:" + g.name(), "time", "by " + g.name(),
        "Time grain " + g.name() + ": " + g.sql("service_date") + " AS " + g.column() + ". Said as: " + String.join(", ", g.synonyms()),
        null)));
    for (int i = 0; i < model.rules().size(); i++) {
      docs.add(new Document("rule:" + i, "rule", "business rule " + (i + 1), model.rules().get(i), null));
    }
    docs.addAll(examples());
    return docs;
  }

  /** Verified examples from {@code /medflow/assistant/examples.yaml}, when the file is present. */
  static List<Document> examples() {
    List<Document> out = new ArrayList<>();
    try (InputStream in = KnowledgeBase.class.getResourceAsStream("/medflow/assistant/examples.yaml")) {
      if (in == null) {
        return out;
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      int i = 0;
      for (JsonNode e : root.path("examples")) {
        String q = e.path("question").asText();
        String sql = e.path("sql").asText().trim();
        out.add(new Document("example:" + i++, "example", q, "Question: " + q + "\nSQL: " + sql, sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the example library", e);
    }
    return out;
  }
}
