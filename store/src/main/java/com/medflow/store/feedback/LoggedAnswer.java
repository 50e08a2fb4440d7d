package com.medflow.store.feedback;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the answer log keeps of one answer: who asked what, its status, the SQL and the words that could not be placed. */
public record LoggedAnswer(String answerId, Instant at, String username, String question, String status,
                           Optional<String> sql, List<String> leftoverWords) {
  public LoggedAnswer {
    requireNonNull(answerId, "answerId is null");
    requireNonNull(at, "at is null");
    requireNonNull(username, "username is null");
    requireNonNull(question, "question is null");
    requireNonNull(status, "status is null");
    requireNonNull(sql, "sql is null");
    leftoverWords = List.copyOf(leftoverWords);
  }
}
