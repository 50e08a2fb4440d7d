package com.medflow.assistant.nlq.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One condition of a semantic query. {@code target} is a dimension of the semantic model
 * ({@code payer}), a column of the table read ({@code billed_amount}, {@code primary_diagnosis}), or
 * for {@link Op#SQL} a named condition whose SQL lives in the semantic model. Values are canonical
 * values or parsed numbers, never question text; {@code label} says it in words.
 */
public record Filter(String target, Op op, List<String> values, String label) {
  /**
   * {@code ABOVE_COLUMN}/{@code BELOW_COLUMN}: {@code target} greater/less than the column in {@code values}
   * ("allowed higher than billed").
   */
  public enum Op { IN, NOT_IN, GT, GE, LT, LE, BETWEEN, PREFIX, NOT_PREFIX, SQL, NOT_SQL, NOT_NULL, IS_NULL, ABOVE_COLUMN,
    BELOW_COLUMN }

  public Filter {
    requireNonNull(target, "target is null");
    requireNonNull(op, "op is null");
    values = List.copyOf(values);
    requireNonNull(label, "label is null");
  }

  public static Filter in(String target, List<String> values, String label) {
    return new Filter(target, Op.IN, values, label);
  }

  public boolean isComparison() {
    return op == Op.GT || op == Op.GE || op == Op.LT || op == Op.LE || op == Op.BETWEEN;
  }

  public Filter negated() {
    Op n = switch (op) {
      case IN -> Op.NOT_IN;
      case NOT_IN -> Op.IN;
      case PREFIX -> Op.NOT_PREFIX;
      case NOT_PREFIX -> Op.PREFIX;
      case SQL -> Op.NOT_SQL;
      case NOT_SQL -> Op.SQL;
      case NOT_NULL -> Op.IS_NULL;
      case IS_NULL -> Op.NOT_NULL;
      default -> throw new IllegalStateException("Cannot negate " + op);
    };
    return new Filter(target, n, values, "not " + label);
  }
}
