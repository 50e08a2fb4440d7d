package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the data holds that questions refer to: the values of each dimension (payers, states,
 * specialties, provider names, procedure and denial codes, NPIs, batches) and the first and latest
 * service dates ("now" for "last quarter").
 */
public record DataFacts(Map<String, List<String>> values, LocalDate earliest, LocalDate latest) {
  public DataFacts {
    values = Map.copyOf(values);
    requireNonNull(earliest, "earliest is null");
    requireNonNull(latest, "latest is null");
  }

  public List<String> values(String dimension) {
    return values.getOrDefault(dimension, List.of());
  }
}
