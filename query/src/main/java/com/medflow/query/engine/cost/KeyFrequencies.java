package com.medflow.query.engine.cost;

import java.util.OptionalLong;

/** How often the most frequent value of a table column occurs: bounds the rows an equality join makes. */
public interface KeyFrequencies {
  /** The most rows one value of {@code column} has in {@code table} (a catalog name), if it can be told. */
  OptionalLong maxFrequency(String table, String column);

  KeyFrequencies UNKNOWN = (table, column) -> OptionalLong.empty();
}
