package com.medflow.assistant.nlq.vocab;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One meaning of a phrase: its {@link Kind}, the model element it names ({@code key}: a metric,
 * column, dimension, aggregation, comparator...), the canonical values it stands for (for
 * {@link Kind#VALUE}), and a label for explanations.
 */
public record Term(Kind kind, String key, List<String> values, String label) {
  public Term {
    requireNonNull(kind, "kind is null");
    requireNonNull(key, "key is null");
    values = List.copyOf(values);
    requireNonNull(label, "label is null");
  }

  public static Term of(Kind kind, String key) {
    return new Term(kind, key, List.of(), key);
  }

  public static Term of(Kind kind, String key, String label) {
    return new Term(kind, key, List.of(), label);
  }

  public static Term value(String dimension, List<String> values, String label) {
    return new Term(Kind.VALUE, dimension, values, label);
  }

  public boolean is(Kind k) {
    return kind == k;
  }

  public boolean is(Kind k, String expectedKey) {
    return kind == k && key.equals(expectedKey);
  }

  public String value() {
    return values.get(0);
  }
}
