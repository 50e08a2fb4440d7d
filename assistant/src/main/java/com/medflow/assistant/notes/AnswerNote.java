package com.medflow.assistant.notes;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One line an answer adds about what its figure leaves out: {@code kind} is {@code quarantine} (rows of
 * the same scope that failed validation) or {@code run_out} (recent months still filling up);
 * {@code link} is where an analyst checks it (the SQL page with the counting query), or null;
 * {@code counts} the figures behind the text.
 */
public record AnswerNote(String kind, String text, String link, Map<String, Long> counts) {
  public static final String QUARANTINE = "quarantine";
  public static final String RUN_OUT = "run_out";

  public AnswerNote {
    requireNonNull(kind, "kind is null");
    requireNonNull(text, "text is null");
    counts = Map.copyOf(counts);
  }
}
