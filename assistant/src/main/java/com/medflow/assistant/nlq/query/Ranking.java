package com.medflow.assistant.nlq.query;

/**
 * Order and cut of the grouped rows: by {@code by} (a measure of the query) descending or not; the
 * first {@code limit} rows, or with {@code ties} every row tied for first place (argmax); with {@code only},
 * just the rows in place {@code limit} ("the second busiest month": every row tied there).
 */
public record Ranking(Measure by, boolean descending, Integer limit, boolean ties, boolean only) {
  public Ranking {
    if (by == null) {
      throw new NullPointerException("by is null");
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("Invalid limit: " + limit);
    }
    if (only && limit == null) {
      throw new IllegalArgumentException("A place in the order needs its number");
    }
  }

  public Ranking(Measure by, boolean descending, Integer limit, boolean ties) {
    this(by, descending, limit, ties, false);
  }
}
