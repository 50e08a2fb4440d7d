package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.query.engine.ResultColumn;
import java.util.List;

/** The answer object of {@code POST /api/ask} (API.md), plus what was understood and assumed, and readings to choose from. */
public record Answer(String answerId, String conversationId, String question, String status, String sql,
                     List<ResultColumn> columns, List<List<Object>> rows, int rowCount, boolean truncated,
                     String explanation, Chart chart, List<String> suggestions, String engine, boolean cached,
                     List<TraceEvent> trace, long latencyMs, String understood, List<String> assumptions,
                     List<String> tables, List<String> clarifications, VerifiedMark verified,
                     List<com.medflow.assistant.notes.AnswerNote> notes, List<String> leftoverWords) {
  public static final String OK = "ok";
  public static final String UNANSWERABLE = "unanswerable";
  public static final String REFUSED = "refused";
  /** Two or more readings fit: {@code clarifications} lists them as questions, each answerable. */
  public static final String CLARIFY = "clarify";

  public Answer {
    requireNonNull(answerId, "answerId is null");
    requireNonNull(conversationId, "conversationId is null");
    requireNonNull(status, "status is null");
    columns = List.copyOf(columns);
    rows = rows == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rows));
    suggestions = List.copyOf(suggestions);
    trace = List.copyOf(trace);
    assumptions = List.copyOf(assumptions);
    tables = List.copyOf(tables);
    clarifications = List.copyOf(clarifications);
    notes = List.copyOf(notes);
    leftoverWords = List.copyOf(leftoverWords);
  }

  /** An answer not (yet) verified, without notes. */
  public Answer(String answerId, String conversationId, String question, String status, String sql,
                List<ResultColumn> columns, List<List<Object>> rows, int rowCount, boolean truncated,
                String explanation, Chart chart, List<String> suggestions, String engine, boolean cached,
                List<TraceEvent> trace, long latencyMs, String understood, List<String> assumptions,
                List<String> tables, List<String> clarifications) {
    this(answerId, conversationId, question, status, sql, columns, rows, rowCount, truncated, explanation, chart,
        suggestions, engine, cached, trace, latencyMs, understood, assumptions, tables, clarifications, null, List.of(),
        List.of());
  }

  /** Who verified the semantic query of an answer, when, and their note. */
  public record VerifiedMark(String id, String verifiedBy, java.time.Instant verifiedAt, String note) {
    public VerifiedMark {
      requireNonNull(id, "id is null");
      requireNonNull(verifiedBy, "verifiedBy is null");
      requireNonNull(verifiedAt, "verifiedAt is null");
    }
  }

  /** This answer with its verification, notes and the words that could not be placed. */
  public Answer with(VerifiedMark mark, List<com.medflow.assistant.notes.AnswerNote> newNotes, List<String> leftover) {
    return new Answer(answerId, conversationId, question, status, sql, columns, rows, rowCount, truncated, explanation,
        chart, suggestions, engine, cached, trace, latencyMs, understood, assumptions, tables, clarifications, mark,
        newNotes, leftover);
  }
}
