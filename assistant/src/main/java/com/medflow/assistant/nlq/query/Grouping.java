package com.medflow.assistant.nlq.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * One group-by of a semantic query: a dimension of the semantic model, a time grain
 * ({@code grain:month}), or bands of a numeric column written in the question ({@code column} with
 * {@code bands}).
 */
public record Grouping(String dimension, String column, List<Band> bands, String label) {
  public static final String GRAIN = "grain:";
  public static final String BANDS = "bands";

  /** A band of a numeric column: {@code low} to {@code high} (either may be open or exclusive), as written. */
  public record Band(BigDecimal low, BigDecimal high, boolean highExclusive, String label, boolean lowExclusive) {
    public Band {
      requireNonNull(label, "label is null");
      if (low == null && high == null) {
        throw new IllegalArgumentException("A band needs a bound: " + label);
      }
    }

    public Band(BigDecimal low, BigDecimal high, boolean highExclusive, String label) {
      this(low, high, highExclusive, label, false);
    }
  }

  public Grouping {
    requireNonNull(dimension, "dimension is null");
    bands = List.copyOf(bands);
    requireNonNull(label, "label is null");
  }

  public static Grouping of(String dimension, String label) {
    return new Grouping(dimension, null, List.of(), label);
  }

  public static Grouping grain(String grain) {
    return new Grouping(GRAIN + grain, null, List.of(), grain);
  }

  public static Grouping bands(String column, List<Band> bands, String label) {
    return new Grouping(BANDS, column, bands, label);
  }

  public boolean isGrain() {
    return dimension.startsWith(GRAIN);
  }

  public String grain() {
    return dimension.substring(GRAIN.length());
  }
}
