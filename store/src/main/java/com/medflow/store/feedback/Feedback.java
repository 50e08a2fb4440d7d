package com.medflow.store.feedback;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A user's thumbs up or down on an answer, with an optional comment and what was answered. */
public record Feedback(String answerId, String username, Rating rating, Optional<String> comment, String question,
                       String status, Optional<String> sql, Instant at) {
  public static final int MAX_COMMENT = 2000;

  public enum Rating {
    UP, DOWN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Rating parse(String s) {
      checkArgument(s != null && (s.equals("up") || s.equals("down")), "Invalid rating: %s (use up or down)", s);
      return s.equals("up") ? UP : DOWN;
    }
  }

  public Feedback {
    requireNonNull(answerId, "answerId is null");
    requireNonNull(username, "username is null");
    requireNonNull(rating, "rating is null");
    requireNonNull(comment, "comment is null");
    requireNonNull(question, "question is null");
    requireNonNull(status, "status is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(at, "at is null");
    checkArgument(comment.map(String::length).orElse(0) <= MAX_COMMENT, "Invalid comment: longer than %s characters",
        MAX_COMMENT);
  }
}
