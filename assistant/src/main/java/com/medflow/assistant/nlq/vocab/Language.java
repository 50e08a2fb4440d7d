package com.medflow.assistant.nlq.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The English words that shape a question ({@code /medflow/assistant/language.yaml}): function words,
 * aggregations, comparators, ranking, grouping, negation, comparison and follow-up cues.
 */
public final class Language {
  private static final Map<String, Kind> SIMPLE = Map.ofEntries(Map.entry("frequency", Kind.FREQUENCY),
      Map.entry("group", Kind.GROUP), Map.entry("negation", Kind.NEGATION), Map.entry("combine", Kind.COMBINE),
      Map.entry("share", Kind.SHARE), Map.entry("compare", Kind.COMPARE), Map.entry("previous", Kind.PREVIOUS),
      Map.entry("which", Kind.WHICH), Map.entry("how_many", Kind.HOW_MANY), Map.entry("how_much", Kind.HOW_MUCH),
      Map.entry("with", Kind.WITH), Map.entry("among", Kind.AMONG), Map.entry("distinct", Kind.DISTINCT),
      Map.entry("and", Kind.AND), Map.entry("or", Kind.OR), Map.entry("follow_up", Kind.FOLLOW_UP),
      Map.entry("list", Kind.LIST));
  private static final Map<String, Kind> KEYED = Map.of("aggregations", Kind.AGG, "comparators", Kind.COMPARATOR,
      "ranks", Kind.RANK, "units", Kind.UNIT, "ordinals", Kind.ORDINAL);

  private final JsonNode root;

  private Language(JsonNode root) {
    this.root = root;
  }

  public static Language load() {
    String resource = "/medflow/assistant/language.yaml";
    try (InputStream in = Language.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Language file missing from the classpath: " + resource);
      }
      return new Language(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

  /** Adjectives that only describe a money threshold the question states ("high-dollar claims over $5k"). */
  public java.util.List<String> amountAdjectives() {
    java.util.List<String> out = new java.util.ArrayList<>();
    root.path("amount_adjectives").forEach(w -> out.add(w.asText()));
    return out;
  }

  /** Words naming the gold tables ("from provider performance"), which add nothing to what is computed. */
  public java.util.List<String> tableWords() {
    java.util.List<String> out = new java.util.ArrayList<>();
    root.path("table_words").forEach(w -> out.add(w.asText()));
    return out;
  }

  /** Adds every word of the language file to {@code v}. */
  public void addTo(Vocabulary v) {
    for (JsonNode w : root.path("function_words")) {
      if (w.asText().contains(" ")) {
        throw new IllegalStateException("A function word is one word: '" + w.asText() + "'");
      }
      v.addFunctionWord(w.asText());
    }
    SIMPLE.forEach((section, kind) -> root.path(section).forEach(w -> v.add(w.asText(), Term.of(kind, section))));
    KEYED.forEach((section, kind) -> root.path(section).fields().forEachRemaining(e ->
        e.getValue().forEach(w -> v.add(w.asText(), Term.of(kind, e.getKey())))));
    root.path("soft_phrases").forEach(w -> v.add(w.asText(), Term.of(Kind.LIST, "soft", w.asText())));
    for (int n = 1; n < 100; n++) {
      Term pct = Term.of(Kind.AGG, "p" + n, ordinal(n) + " percentile");
      v.add(ordinal(n) + " pct", pct);
      v.add(ordinal(n) + " pctl", pct);
      v.add(ordinal(n) + " percentiles", pct);
    }
    root.path("change").forEach(w -> v.add(w.asText(), Term.of(Kind.CHANGE, "change")));
    root.path("growth").forEach(w -> v.add(w.asText(), Term.of(Kind.CHANGE, "growth")));
    root.path("percentile_words").forEach(w -> v.add(w.asText(), Term.of(Kind.AGG, "percentile")));
    for (int n = 1; n < 100; n++) {
      Term p = Term.of(Kind.AGG, "p" + n, ordinal(n) + " percentile");
      v.add(ordinal(n) + " percentile", p);
      v.add("p" + n, p);
    }
  }
}
