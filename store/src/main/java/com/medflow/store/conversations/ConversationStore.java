package com.medflow.store.conversations;

import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations and their turns (the question, the interpreted query, the answer) in the application database. */
public final class ConversationStore {
  private final Jdbc jdbc;

  public ConversationStore(AppDatabase db) {
    this.jdbc = new Jdbc(db);
  }

  public record Turn(int turn, String answerId, String question, String semanticQuery, String answerJson) {}

  public void create(String conversationId, String username, Instant now) {
    jdbc.update("start conversation", "INSERT INTO conversations (conversation_id, username, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?)", conversationId, username, now.toEpochMilli(), now.toEpochMilli());
  }

  public Optional<String> owner(String conversationId) {
    return jdbc.one("read conversation", "SELECT username FROM conversations WHERE conversation_id = ?",
        rs -> rs.getString(1), conversationId);
  }

  public void addTurn(String conversationId, String answerId, String question, String semanticQuery, String answerJson,
                      Instant now) {
    int next = jdbc.one("count turns", "SELECT COALESCE(MAX(turn), 0) FROM conversation_turns WHERE conversation_id = ?",
        rs -> rs.getInt(1), conversationId).orElse(0) + 1;
    jdbc.update("save turn", "INSERT INTO conversation_turns (conversation_id, turn, answer_id, question, semantic_query,"
        + " answer_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", conversationId, next, answerId, question,
        semanticQuery, answerJson, now.toEpochMilli());
    jdbc.update("touch conversation", "UPDATE conversations SET updated_at = ? WHERE conversation_id = ?",
        now.toEpochMilli(), conversationId);
  }

  public List<Turn> turns(String conversationId) {
    return jdbc.query("read turns", "SELECT turn, answer_id, question, semantic_query, answer_json FROM conversation_turns"
            + " WHERE conversation_id = ? ORDER BY turn",
        rs -> new Turn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), conversationId);
  }

  /** The interpreted query of the latest turn that had one. */
  public Optional<String> lastSemanticQuery(String conversationId) {
    return jdbc.one("read last query", "SELECT semantic_query FROM conversation_turns WHERE conversation_id = ?"
            + " AND semantic_query IS NOT NULL ORDER BY turn DESC LIMIT 1", rs -> rs.getString(1), conversationId);
  }

  /** The turn that gave answer {@code answerId} and the conversation's owner, if any. */
  public Optional<OwnedTurn> turnOfAnswer(String answerId) {
    return jdbc.one("read turn", "SELECT t.turn, t.answer_id, t.question, t.semantic_query, t.answer_json, c.username"
            + " FROM conversation_turns t JOIN conversations c ON c.conversation_id = t.conversation_id WHERE t.answer_id = ?",
        rs -> new OwnedTurn(new Turn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
            rs.getString(6)), answerId);
  }

  public record OwnedTurn(Turn turn, String owner) {}
}
