package com.medflow.store.audit;

import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import java.time.Instant;
import java.util.List;

/** The query audit trail in the application database. */
public final class AuditStore {
  private final Jdbc jdbc;

  public AuditStore(AppDatabase db) {
    this.jdbc = new Jdbc(db);
  }

  public void record(AuditEntry e) {
    jdbc.update("write audit entry", "INSERT INTO audit_log (id, at, username, role, kind, question, sql_text, outcome,"
            + " rows_returned, latency_ms, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        e.id(), e.at().toEpochMilli(), e.username(), e.role(), e.kind(), e.question(), e.sql(), e.outcome(), e.rows(),
        e.latencyMs(), e.detail());
  }

  /** Newest first. */
  public List<AuditEntry> recent(int limit) {
    return jdbc.query("read audit log", "SELECT id, at, username, role, kind, question, sql_text, outcome, rows_returned,"
            + " latency_ms, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
        rs -> new AuditEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Jdbc.longOrNull(rs, 9),
            Jdbc.longOrNull(rs, 10), rs.getString(11)), limit);
  }
}
