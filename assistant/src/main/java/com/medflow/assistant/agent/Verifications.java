package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.conversation.QueryKey;
import com.medflow.assistant.conversation.SemanticQueryJson;
import com.medflow.model.Role;
import com.medflow.store.conversations.ConversationStore;
import com.medflow.store.verified.VerifiedAnswer;
import com.medflow.store.verified.VerifiedAnswerStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Verified answers: an analyst or admin marks an answer of the offline engine verified (its semantic
 * query and SQL); any later question with the same {@link QueryKey} carries "Verified by NAME on DATE".
 */
public final class Verifications {
  private final VerifiedAnswerStore store;
  private final ConversationStore conversations;
  private final Clock clock;

  public Verifications(VerifiedAnswerStore store, ConversationStore conversations, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.conversations = requireNonNull(conversations, "conversations is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Marks answer {@code answerId} verified by {@code user}; re-verifying the same semantic query replaces the old mark. */
  public VerifiedAnswer verify(String answerId, String user, Role role, Optional<String> note) {
    if (role != Role.ANALYST && role != Role.ADMIN) {
      throw new AskException(403, "FORBIDDEN", "Only analysts and admins verify answers");
    }
    ConversationStore.OwnedTurn t = conversations.turnOfAnswer(answerId)
        .orElseThrow(() -> new AskException(404, "NOT_FOUND", "No answer " + answerId));
    SemanticQueryJson.Stored s = t.turn().semanticQuery() == null ? null : SemanticQueryJson.read(t.turn().semanticQuery());
    if (s == null || s.query().isEmpty() || s.sql().isEmpty()) {
      throw new AskException(422, "NOT_VERIFIABLE", "Only answers the semantic layer compiled can be verified"
          + " (this one has no semantic query: it was not answered, or the LLM wrote its SQL)");
    }
    String semantic = SemanticQueryJson.ran(s.query(), s.sql().get());
    VerifiedAnswer v = new VerifiedAnswer(UUID.randomUUID().toString(), QueryKey.of(s.query().get()), t.turn().question(),
        semantic, s.sql().get(), user, clock.instant(), note.filter(n -> !n.isBlank()), clock.instant());
    store.save(v);
    return v;
  }

  /** The verification of the query an answer ran ({@code stored} as the conversation keeps it), if any. */
  public Optional<Answer.VerifiedMark> mark(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    SemanticQueryJson.Stored s = SemanticQueryJson.read(stored);
    return s.query().flatMap(q -> store.byQueryKey(QueryKey.of(q)))
        .map(v -> new Answer.VerifiedMark(v.id(), v.verifiedBy(), v.verifiedAt(), v.note().orElse(null)));
  }

  public List<VerifiedAnswer> list() {
    return store.list();
  }

  public VerifiedAnswer edit(String id, String question, Optional<String> note) {
    if (store.find(id).isEmpty()) {
      throw new AskException(404, "NOT_FOUND", "No verified answer " + id);
    }
    if (question == null || question.isBlank()) {
      throw new AskException(400, "BAD_REQUEST", "The question of a verified answer cannot be empty");
    }
    return store.edit(id, question.strip(), note.filter(n -> !n.isBlank()), clock.instant());
  }

  public void remove(String id) {
    if (!store.remove(id)) {
      throw new AskException(404, "NOT_FOUND", "No verified answer " + id);
    }
  }
}
