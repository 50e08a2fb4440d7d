package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

/** One meaning of a phrase: a metric, a dimension, a value of a dimension, a time grain, a glossary term... */
public record Sense(Kind kind, String target, String value) {
  public enum Kind { METRIC, DIMENSION, VALUE, GRAIN, GLOSSARY, AGE, FUNNEL }

  public Sense {
    requireNonNull(kind, "kind is null");
    requireNonNull(target, "target is null");
  }
}
