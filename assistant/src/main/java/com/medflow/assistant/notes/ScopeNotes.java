package com.medflow.assistant.notes;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.model.Role;
import com.medflow.model.Tables;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.query.QueryService;
import com.medflow.query.run.QueryCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The notes of an answer over claims_clean: the quarantined rows of its scope and the run-out of recent
 * months. Their queries count rows and return no raw values; they run through the query service (guard,
 * limits, cache) in the asking user's name with the admin role, because quarantined rows are read only
 * as counts. A note that cannot be computed says so instead of disappearing.
 */
public final class ScopeNotes {
  private final QueryService queries;
  private final QuarantineNote quarantine;
  private final RunOutNote runOut;

  public ScopeNotes(QueryService queries, PayerMappings mappings) {
    this.queries = requireNonNull(queries, "queries is null");
    this.quarantine = new QuarantineNote(mappings, Tables.CLAIMS_QUARANTINED);
    this.runOut = new RunOutNote(Tables.CLAIMS_CLEAN.toString());
  }

  public List<AnswerNote> notes(SemanticQuery q, String username) {
    if (q.source() != SemanticQuery.Source.CLAIMS) {
      return List.of();
    }
    SqlRows rows = sql -> queries.run(sql, QueryCaller.of(username, Role.ADMIN, "ask"), OptionalInt.of(1000)).result()
        .rows();
    List<AnswerNote> out = new ArrayList<>();
    try {
      quarantine.note(q, rows).ifPresent(out::add);
    } catch (RuntimeException e) {
      out.add(new AnswerNote(AnswerNote.QUARANTINE, "The quarantined rows of this scope could not be counted: "
          + e.getMessage(), null, Map.of()));
    }
    try {
      runOut.note(q, rows).ifPresent(out::add);
    } catch (RuntimeException e) {
      out.add(new AnswerNote(AnswerNote.RUN_OUT, "The completeness of recent months could not be estimated: "
          + e.getMessage(), null, Map.of()));
    }
    return out;
  }
}
