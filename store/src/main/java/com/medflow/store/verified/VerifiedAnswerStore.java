package com.medflow.store.verified;

import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import com.medflow.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Verified answers in the application database: one per semantic query (re-verifying replaces it). */
public final class VerifiedAnswerStore {
  private static final String COLUMNS = "id, query_key, question, semantic_query, sql_text, verified_by, verified_at,"
      + " note, updated_at";
  private final Jdbc jdbc;

  public VerifiedAnswerStore(AppDatabase db) {
    this.jdbc = new Jdbc(db);
  }

  /** Saves {@code v}; a verified answer with the same query key is replaced (the new id is kept). */
  public void save(VerifiedAnswer v) {
    jdbc.update("replace verified answer", "DELETE FROM verified_answers WHERE query_key = ? OR id = ?", v.queryKey(),
        v.id());
    jdbc.update("save verified answer", "INSERT INTO verified_answers (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)",
        v.id(), v.queryKey(), v.question(), v.semanticQuery(), v.sql(), v.verifiedBy(), v.verifiedAt().toEpochMilli(),
        v.note().orElse(null), v.updatedAt().toEpochMilli());
  }

  /** Changes the question shown and the note; the query, SQL and who verified stay. */
  public VerifiedAnswer edit(String id, String question, Optional<String> note, Instant now) {
    VerifiedAnswer old = find(id).orElseThrow(() -> new StoreException("No verified answer " + id));
    VerifiedAnswer updated = new VerifiedAnswer(id, old.queryKey(), question, old.semanticQuery(), old.sql(),
        old.verifiedBy(), old.verifiedAt(), note, now);
    jdbc.update("edit verified answer", "UPDATE verified_answers SET question = ?, note = ?, updated_at = ? WHERE id = ?",
        updated.question(), updated.note().orElse(null), now.toEpochMilli(), id);
    return updated;
  }

  public boolean remove(String id) {
    return jdbc.update("remove verified answer", "DELETE FROM verified_answers WHERE id = ?", id) > 0;
  }

  public Optional<VerifiedAnswer> find(String id) {
    return jdbc.one("read verified answer", "SELECT " + COLUMNS + " FROM verified_answers WHERE id = ?",
        VerifiedAnswerStore::map, id);
  }

  public Optional<VerifiedAnswer> byQueryKey(String key) {
    return jdbc.one("read verified answer", "SELECT " + COLUMNS + " FROM verified_answers WHERE query_key = ?",
        VerifiedAnswerStore::map, key);
  }

  /** Newest first. */
  public List<VerifiedAnswer> list() {
    return jdbc.query("list verified answers", "SELECT " + COLUMNS + " FROM verified_answers ORDER BY verified_at DESC,"
        + " id", VerifiedAnswerStore::map);
  }

  private static VerifiedAnswer map(ResultSet rs) throws SQLException {
    return new VerifiedAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), Optional.ofNullable(rs.getString(8)),
        Instant.ofEpochMilli(rs.getLong(9)));
  }
}
