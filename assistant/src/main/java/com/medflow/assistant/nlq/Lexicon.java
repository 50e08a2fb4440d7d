package com.medflow.assistant.nlq;

import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.codes.UsStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases to meanings, built from the semantic model (names, synonyms, glossary) and the values in
 * the data (payers, specialties, provider names, states...). Matching is longest-phrase-first.
 */
public final class Lexicon {
  private final Map<String, List<Sense>> phrases = new HashMap<>();
  private final int longest;
  private final Set<String> upperCaseStates;

  public Lexicon(SemanticModel model, DataFacts facts) {
    for (SemanticModel.Metric m : model.metrics().values()) {
      add(m.name().replace('_', ' '), new Sense(Sense.Kind.METRIC, m.name(), null));
      add(m.label(), new Sense(Sense.Kind.METRIC, m.name(), null));
      m.synonyms().forEach(s -> add(s, new Sense(Sense.Kind.METRIC, m.name(), null)));
    }
    for (SemanticModel.Dimension d : model.dimensions().values()) {
      add(d.label(), new Sense(Sense.Kind.DIMENSION, d.name(), null));
      d.synonyms().forEach(s -> add(s, new Sense(Sense.Kind.DIMENSION, d.name(), null)));
      d.valueSynonyms().forEach((value, words) -> {
        add(value, new Sense(Sense.Kind.VALUE, d.name(), value));
        words.forEach(w -> add(w, new Sense(Sense.Kind.VALUE, d.name(), value)));
      });
      if (d.valuesFromData()) {
        for (String v : facts.values(d.name())) {
          if (d.name().equals("member_state")) {
            UsStates.name(v).ifPresent(n -> add(n, new Sense(Sense.Kind.VALUE, d.name(), v)));
          } else if (!d.name().equals("place_of_service") && !d.name().equals("procedure_code")) {
            add(v, new Sense(Sense.Kind.VALUE, d.name(), v));
          }
        }
      }
    }
    model.grains().values().forEach(g -> g.synonyms().forEach(s -> add(s, new Sense(Sense.Kind.GRAIN, g.name(), null))));
    model.genericTrendWords().forEach(s -> add(s, new Sense(Sense.Kind.GRAIN, "month", GENERIC)));
    for (SemanticModel.GlossaryTerm g : model.glossary()) {
      add(g.term(), new Sense(Sense.Kind.GLOSSARY, g.term(), null));
      g.synonyms().forEach(s -> add(s, new Sense(Sense.Kind.GLOSSARY, g.term(), null)));
    }
    model.ageWords().forEach(a -> a.synonyms().forEach(s -> add(s, new Sense(Sense.Kind.AGE, a.name(), null))));
    model.funnel().synonyms().forEach(s -> add(s, new Sense(Sense.Kind.FUNNEL, "funnel", null)));
    int max = 1;
    for (String p : phrases.keySet()) {
      max = Math.max(max, p.split(" ").length);
    }
    this.longest = max;
    this.upperCaseStates = new LinkedHashSet<>(facts.values("member_state"));
  }

  /** Marks a grain sense from a word that asks for a trend without naming a grain. */
  public static final String GENERIC = "generic";

  /** Adds the phrase and its other number (last word with or without a plural s): "rate" and "rates". */
  private void add(String phrase, Sense sense) {
    String key = Tokens.normalize(phrase);
    if (key.isEmpty()) {
      return;
    }
    put(key, sense);
    if (sense.kind() == Sense.Kind.VALUE && !sense.target().equals("claim_status")) {
      return; // data values ("Lakeside Family Medicine, PC") are matched as written
    }
    int space = key.lastIndexOf(' ');
    String last = key.substring(space + 1);
    String head = key.substring(0, space + 1);
    if (last.length() > 3 && last.matches("[a-z]+")) {
      if (last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is")) {
        put(head + last.substring(0, last.length() - 1), sense);
      } else if (!last.endsWith("s")) {
        put(head + (last.endsWith("y") && !last.endsWith("ay") && !last.endsWith("ey")
            ? last.substring(0, last.length() - 1) + "ies" : last + "s"), sense);
      }
    }
  }

  private void put(String key, Sense sense) {
    List<Sense> senses = phrases.computeIfAbsent(key, k -> new ArrayList<>());
    if (!senses.contains(sense)) {
      senses.add(sense);
    }
  }

  /** Senses of the phrase of {@code length} tokens starting at {@code start}, or an empty list. */
  public List<Sense> senses(List<String> tokens, int start, int length) {
    if (start + length > tokens.size()) {
      return List.of();
    }
    return phrases.getOrDefault(String.join(" ", tokens.subList(start, start + length)), List.of());
  }

  public int longest() {
    return longest;
  }

  /** An upper-case two-letter state code as typed ("OH"), when the data has members there. */
  public boolean isStateCode(String original) {
    return original.length() == 2 && original.equals(original.toUpperCase(Locale.ROOT))
        && upperCaseStates.contains(original);
  }
}
