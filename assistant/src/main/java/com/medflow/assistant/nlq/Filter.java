package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One condition of a semantic query. {@code target} is a dimension name ({@code payer}), a numeric
 * column ({@code patient_age}, {@code billed_amount}) or, for {@link Op#SQL}, the name of a glossary
 * or age word whose SQL comes from the semantic model. Values are canonical values, never raw text.
 */
public record Filter(String target, Op op, List<String> values, String label) {
  public enum Op { IN, NOT_IN, GT, GE, LT, LE, SQL }

  public Filter {
    requireNonNull(target, "target is null");
    requireNonNull(op, "op is null");
    values = List.copyOf(values);
    requireNonNull(label, "label is null");
  }

  public static Filter in(String dimension, List<String> values, String label) {
    return new Filter(dimension, Op.IN, values, label);
  }
}
