package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import com.medflow.store.AppDatabase;
import com.medflow.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Run history of the pipeline DAG in the application database, and the lock that keeps runs one at a time. */
public final class RunStore {
  private final AppDatabase db;

  public RunStore(AppDatabase db) {
    this.db = requireNonNull(db, "db is null");
  }

  /** Attempts, task outputs and events of the runs in the same database. */
  public RunLog log() {
    return new RunLog(db);
  }

  public void start(String runId, String trigger, String landing, List<String> taskNames, Instant now) {
    update("INSERT INTO pipeline_runs (run_id, state, trigger_source, landing, started_at) VALUES (?, ?, ?, ?, ?)",
        runId, RunState.RUNNING.name(), trigger, landing, now.toEpochMilli());
    for (int i = 0; i < taskNames.size(); i++) {
      update("INSERT INTO pipeline_tasks (run_id, task_order, name, state) VALUES (?, ?, ?, ?)",
          runId, i + 1, taskNames.get(i), TaskState.PENDING.name());
    }
  }

  public void taskStarted(String runId, String task, Instant now) {
    update("UPDATE pipeline_tasks SET state = ?, started_at = ? WHERE run_id = ? AND name = ?",
        TaskState.RUNNING.name(), now.toEpochMilli(), runId, task);
  }

  public void taskFinished(String runId, String task, TaskState state, Long rows, String detail, Instant now) {
    update("UPDATE pipeline_tasks SET state = ?, finished_at = ?, rows_processed = ?, detail = ? WHERE run_id = ? AND name = ?",
        state.name(), now.toEpochMilli(), rows, detail, runId, task);
  }

  public void payerResults(String runId, List<PayerResult> results) {
    for (PayerResult r : results) {
      update("INSERT INTO pipeline_payer_results (run_id, payer, batch_id, source_file, bronze_rows, clean_rows,"
              + " quarantined_rows, quarantine_rate, threshold, gate_passed, reconciled) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          runId, r.payer(), r.batchId(), r.sourceFile(), r.bronzeRows(), r.cleanRows(), r.quarantinedRows(),
          r.quarantineRate(), r.threshold(), r.gatePassed() ? 1 : 0, r.reconciled() ? 1 : 0);
      if (r.rolledRows() > 0) {
        update("INSERT INTO pipeline_payer_rollups (run_id, payer, batch_id, rolled_rows) VALUES (?,?,?,?)",
            runId, r.payer(), r.batchId(), r.rolledRows());
      }
    }
  }

  /** Records the outcome; tasks still pending or running are marked skipped or failed. */
  public void finish(String runId, RunState state, Boolean gatePassed, int files, long bronzeRows, long cleanRows,
                     long quarantinedRows, String error, Instant now) {
    update("UPDATE pipeline_runs SET state = ?, finished_at = ?, gate_passed = ?, files = ?, bronze_rows = ?,"
            + " clean_rows = ?, quarantined_rows = ?, error = ? WHERE run_id = ?",
        state.name(), now.toEpochMilli(), gatePassed == null ? null : (gatePassed ? 1 : 0), files, bronzeRows,
        cleanRows, quarantinedRows, error, runId);
    update("UPDATE pipeline_tasks SET state = ?, finished_at = ? WHERE run_id = ? AND state = ?",
        TaskState.FAILED.name(), now.toEpochMilli(), runId, TaskState.RUNNING.name());
    update("UPDATE pipeline_tasks SET state = ? WHERE run_id = ? AND state = ?",
        TaskState.SKIPPED.name(), runId, TaskState.PENDING.name());
  }

  public List<RunSummary> list(int limit) {
    List<RunSummary> out = new ArrayList<>();
    try (Connection c = db.connection();
         PreparedStatement ps = c.prepareStatement(SELECT_RUN + " ORDER BY started_at DESC, run_id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(summary(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot list pipeline runs: " + e.getMessage(), e);
    }
    return out;
  }

  public Optional<RunDetail> get(String runId) {
    try (Connection c = db.connection()) {
      RunSummary summary;
      try (PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE run_id = ?")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          summary = summary(rs);
        }
      }
      List<TaskRecord> tasks = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name, task_order, state, started_at, finished_at,"
          + " rows_processed, detail FROM pipeline_tasks WHERE run_id = ? ORDER BY task_order")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tasks.add(new TaskRecord(rs.getString(1), rs.getInt(2), TaskState.valueOf(rs.getString(3)),
                instant(rs, 4), instant(rs, 5), longOrNull(rs, 6), rs.getString(7)));
          }
        }
      }
      List<PayerResult> payers = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT p.payer, p.batch_id, p.source_file, p.bronze_rows,"
          + " p.clean_rows, p.quarantined_rows, p.quarantine_rate, p.threshold, p.gate_passed, p.reconciled,"
          + " COALESCE(r.rolled_rows, 0) FROM pipeline_payer_results p LEFT JOIN pipeline_payer_rollups r"
          + " ON r.run_id = p.run_id AND r.payer = p.payer AND r.batch_id = p.batch_id"
          + " WHERE p.run_id = ? ORDER BY p.batch_id, p.payer")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            payers.add(new PayerResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9) == 1, rs.getInt(10) == 1,
                rs.getLong(11)));
          }
        }
      }
      return Optional.of(new RunDetail(summary, tasks, payers));
    } catch (SQLException e) {
      throw new StoreException("Cannot read pipeline run " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Takes the pipeline lock for {@code runId}. A lock older than {@code staleAfter} (its process died)
   * is taken over. Returns the run holding the lock when it cannot be taken.
   */
  public Optional<String> tryLock(String runId, Instant now, Duration staleAfter) {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        String holder = null;
        long acquired = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, acquired_at FROM pipeline_lock WHERE id = 1")) {
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              holder = rs.getString(1);
              acquired = rs.getLong(2);
            }
          }
        }
        if (holder != null && now.toEpochMilli() - acquired < staleAfter.toMillis()) {
          c.rollback();
          return Optional.of(holder);
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM pipeline_lock WHERE id = 1");
             PreparedStatement ins = c.prepareStatement("INSERT INTO pipeline_lock (id, run_id, acquired_at) VALUES (1, ?, ?)")) {
          del.executeUpdate();
          ins.setString(1, runId);
          ins.setLong(2, now.toEpochMilli());
          ins.executeUpdate();
        }
        c.commit();
        if (holder != null) {
          update("UPDATE pipeline_runs SET state = ?, error = ? WHERE run_id = ? AND state = ?", RunState.FAILED.name(),
              "interrupted: the process running it stopped", holder, RunState.RUNNING.name());
        }
        return Optional.empty();
      } catch (SQLException e) {
        c.rollback();
        // A concurrent insert lost the race: report the winner.
        return Optional.of(currentHolder().orElse("another run"));
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot take the pipeline lock: " + e.getMessage(), e);
    }
  }

  public Optional<String> currentHolder() {
    try (Connection c = db.connection();
         PreparedStatement ps = c.prepareStatement("SELECT run_id FROM pipeline_lock WHERE id = 1");
         ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new StoreException("Cannot read the pipeline lock: " + e.getMessage(), e);
    }
  }

  public void unlock(String runId) {
    update("DELETE FROM pipeline_lock WHERE id = 1 AND run_id = ?", runId);
  }

  private static final String SELECT_RUN = "SELECT run_id, state, trigger_source, landing, started_at, finished_at,"
      + " gate_passed, files, bronze_rows, clean_rows, quarantined_rows, error FROM pipeline_runs";

  private static RunSummary summary(ResultSet rs) throws SQLException {
    Long gate = longOrNull(rs, 7);
    return new RunSummary(rs.getString(1), RunState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
        instant(rs, 5), instant(rs, 6), gate == null ? null : gate == 1, rs.getInt(8), rs.getLong(9), rs.getLong(10),
        rs.getLong(11), rs.getString(12));
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    Long v = longOrNull(rs, col);
    return v == null ? null : Instant.ofEpochMilli(v);
  }

  private static Long longOrNull(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a == null) {
          ps.setNull(i + 1, Types.NULL);
        } else {
          ps.setObject(i + 1, a);
        }
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Application database update failed: " + e.getMessage(), e);
    }
  }
}
