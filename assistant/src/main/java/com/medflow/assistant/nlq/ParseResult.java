package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The parser's verdict on a question: a semantic query ({@link Kind#ANSWER}, possibly a refined
 * follow-up), or why it cannot be answered, with what was understood and what was not.
 */
public record ParseResult(Kind kind, Optional<SemanticQuery> query, List<String> understood, List<String> unknown,
                          List<String> assumptions, String reason, boolean followUp) {
  public enum Kind { ANSWER, UNANSWERABLE, REFUSED }

  public ParseResult {
    requireNonNull(kind, "kind is null");
    requireNonNull(query, "query is null");
    understood = List.copyOf(understood);
    unknown = List.copyOf(unknown);
    assumptions = List.copyOf(assumptions);
    requireNonNull(reason, "reason is null");
  }

  public static ParseResult refused(String reason) {
    return new ParseResult(Kind.REFUSED, Optional.empty(), List.of(), List.of(), List.of(), reason, false);
  }

  public static ParseResult unanswerable(String reason, List<String> understood, List<String> unknown) {
    return new ParseResult(Kind.UNANSWERABLE, Optional.empty(), understood, unknown, List.of(), reason, false);
  }
}
