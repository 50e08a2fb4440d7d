package com.medflow.store.feedback;

import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The answer log and the feedback on answers, in the application database. */
public final class FeedbackStore {
  private final Jdbc jdbc;

  public FeedbackStore(AppDatabase db) {
    this.jdbc = new Jdbc(db);
  }

  public void log(LoggedAnswer a) {
    jdbc.update("log answer", "INSERT INTO answer_log (answer_id, at, username, question, status, sql_text,"
            + " leftover_words) VALUES (?,?,?,?,?,?,?)", a.answerId(), a.at().toEpochMilli(), a.username(), a.question(),
        a.status(), a.sql().orElse(null), a.leftoverWords().isEmpty() ? null : String.join("\n", a.leftoverWords()));
  }

  public Optional<LoggedAnswer> answer(String answerId) {
    return jdbc.one("read answer log", "SELECT answer_id, at, username, question, status, sql_text, leftover_words"
        + " FROM answer_log WHERE answer_id = ?", FeedbackStore::logged, answerId);
  }

  /** The newest {@code limit} answers with one of {@code statuses}, newest first. */
  public List<LoggedAnswer> answers(List<String> statuses, int limit) {
    String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
    Object[] args = new Object[statuses.size() + 1];
    for (int i = 0; i < statuses.size(); i++) {
      args[i] = statuses.get(i);
    }
    args[statuses.size()] = limit;
    return jdbc.query("read answer log", "SELECT answer_id, at, username, question, status, sql_text, leftover_words"
        + " FROM answer_log WHERE status IN (" + marks + ") ORDER BY at DESC, answer_id LIMIT ?", FeedbackStore::logged,
        args);
  }

  /** Saves feedback; the same user's earlier feedback on the same answer is replaced. */
  public void save(Feedback f) {
    jdbc.update("replace feedback", "DELETE FROM answer_feedback WHERE answer_id = ? AND username = ?", f.answerId(),
        f.username());
    jdbc.update("save feedback", "INSERT INTO answer_feedback (answer_id, username, rating, comment, question, status,"
            + " sql_text, at) VALUES (?,?,?,?,?,?,?,?)", f.answerId(), f.username(), f.rating().wireName(),
        f.comment().orElse(null), f.question(), f.status(), f.sql().orElse(null), f.at().toEpochMilli());
  }

  /** The newest {@code limit} feedback entries, optionally only of one rating, newest first. */
  public List<Feedback> feedback(Optional<Feedback.Rating> rating, int limit) {
    String where = rating.isPresent() ? " WHERE rating = ?" : "";
    Object[] args = rating.isPresent() ? new Object[] {rating.get().wireName(), limit} : new Object[] {limit};
    return jdbc.query("read feedback", "SELECT answer_id, username, rating, comment, question, status, sql_text, at"
            + " FROM answer_feedback" + where + " ORDER BY at DESC, answer_id LIMIT ?",
        rs -> new Feedback(rs.getString(1), rs.getString(2), Feedback.Rating.parse(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)),
            Instant.ofEpochMilli(rs.getLong(8))), args);
  }

  private static LoggedAnswer logged(ResultSet rs) throws SQLException {
    String words = rs.getString(7);
    return new LoggedAnswer(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), Optional.ofNullable(rs.getString(6)), words == null ? List.of() : Arrays.asList(words.split("\n")));
  }
}
