package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.SemanticQuery;
import java.util.List;
import java.util.Optional;

/**
 * The engine's verdict on a question: a semantic query ({@link Kind#ANSWER}, possibly refining the
 * previous one), readings to choose from ({@link Kind#CLARIFY}), or why it cannot be answered, with
 * what was understood, the words it could not place, and the assumptions an answer makes.
 */
public record ParseResult(Kind kind, Optional<SemanticQuery> query, List<String> understood, List<String> unknown,
                          List<String> assumptions, String reason, boolean followUp, List<Reading> readings) {
  public enum Kind { ANSWER, CLARIFY, UNANSWERABLE, REFUSED }

  /** One reading of an ambiguous question, said as a question that is itself answerable. */
  public record Reading(String question, SemanticQuery query) {
    public Reading {
      requireNonNull(question, "question is null");
      requireNonNull(query, "query is null");
    }
  }

  public ParseResult {
    requireNonNull(kind, "kind is null");
    requireNonNull(query, "query is null");
    understood = List.copyOf(understood);
    unknown = List.copyOf(unknown);
    assumptions = List.copyOf(assumptions);
    requireNonNull(reason, "reason is null");
    readings = List.copyOf(readings);
  }

  public static ParseResult refused(String reason) {
    return new ParseResult(Kind.REFUSED, Optional.empty(), List.of(), List.of(), List.of(), reason, false, List.of());
  }

  public static ParseResult unanswerable(String reason, List<String> understood, List<String> unknown) {
    return new ParseResult(Kind.UNANSWERABLE, Optional.empty(), understood, unknown, List.of(), reason, false, List.of());
  }

  public static ParseResult answer(SemanticQuery q, List<String> understood, List<String> assumptions, boolean followUp) {
    return new ParseResult(Kind.ANSWER, Optional.of(q), understood, List.of(), assumptions, "", followUp, List.of());
  }

  public static ParseResult clarify(String reason, List<String> understood, List<Reading> readings, boolean followUp) {
    return new ParseResult(Kind.CLARIFY, Optional.empty(), understood, List.of(), List.of(), reason, followUp, readings);
  }
}
