package com.medflow.store.verified;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An answer an analyst or admin checked: the question as asked, the semantic query (JSON) and the SQL
 * that ran, who verified it and when, an optional note. {@code queryKey} is the semantic query without
 * its wording: later questions with the same key are the same question.
 */
public record VerifiedAnswer(String id, String queryKey, String question, String semanticQuery, String sql,
                             String verifiedBy, Instant verifiedAt, Optional<String> note, Instant updatedAt) {
  public static final int MAX_NOTE = 2000;

  public VerifiedAnswer {
    requireNonNull(id, "id is null");
    requireNonNull(queryKey, "queryKey is null");
    requireNonNull(question, "question is null");
    requireNonNull(semanticQuery, "semanticQuery is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(verifiedBy, "verifiedBy is null");
    requireNonNull(verifiedAt, "verifiedAt is null");
    requireNonNull(note, "note is null");
    requireNonNull(updatedAt, "updatedAt is null");
    com.medflow.model.Preconditions.checkArgument(!question.isBlank(), "Invalid question: %s", question);
    com.medflow.model.Preconditions.checkArgument(note.map(String::length).orElse(0) <= MAX_NOTE,
        "Invalid note: longer than %s characters", MAX_NOTE);
  }
}
