package com.medflow.store.runs;

import static java.util.Objects.requireNonNull;

import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestration side of run history: every attempt of every task, the small output each task
 * hands to the next (what lets a failed run resume, or a run go task by task in separate
 * processes), and run events. Lives beside {@link RunStore} in the same database.
 */
public final class RunLog {
  private final Jdbc jdbc;

  public RunLog(AppDatabase db) {
    this.jdbc = new Jdbc(requireNonNull(db, "db is null"));
  }

  /** Records a new attempt of {@code task} as running and returns its number (1 for the first). */
  public int attemptStarted(String runId, String task, Instant now) {
    int attempt = jdbc.one("read task attempts", "SELECT COALESCE(MAX(attempt), 0) FROM pipeline_task_attempts"
        + " WHERE run_id = ? AND name = ?", rs -> rs.getInt(1), runId, task).orElse(0) + 1;
    jdbc.update("record a task attempt", "INSERT INTO pipeline_task_attempts (run_id, name, attempt, state, started_at)"
        + " VALUES (?, ?, ?, ?, ?)", runId, task, attempt, TaskState.RUNNING.name(), now.toEpochMilli());
    return attempt;
  }

  public void attemptFinished(String runId, String task, int attempt, TaskState state, String error, Instant now) {
    jdbc.update("finish a task attempt", "UPDATE pipeline_task_attempts SET state = ?, finished_at = ?, error = ?"
        + " WHERE run_id = ? AND name = ? AND attempt = ?", state.name(), now.toEpochMilli(), error, runId, task, attempt);
  }

  /** Attempts still marked running (their process died) become failed. */
  public void abandonRunning(String runId, String why, Instant now) {
    jdbc.update("close abandoned attempts", "UPDATE pipeline_task_attempts SET state = ?, finished_at = ?, error = ?"
        + " WHERE run_id = ? AND state = ?", TaskState.FAILED.name(), now.toEpochMilli(), why, runId,
        TaskState.RUNNING.name());
  }

  public List<TaskAttempt> attempts(String runId) {
    return jdbc.query("read task attempts", "SELECT a.name, a.attempt, a.state, a.started_at, a.finished_at, a.error"
            + " FROM pipeline_task_attempts a LEFT JOIN pipeline_tasks t ON t.run_id = a.run_id AND t.name = a.name"
            + " WHERE a.run_id = ? ORDER BY t.task_order, a.attempt",
        rs -> new TaskAttempt(rs.getString(1), rs.getInt(2), TaskState.valueOf(rs.getString(3)),
            Instant.ofEpochMilli(rs.getLong(4)), instant(Jdbc.longOrNull(rs, 5)), rs.getString(6)), runId);
  }

  /** Attempts per task name. */
  public Map<String, Integer> attemptCounts(String runId) {
    Map<String, Integer> out = new LinkedHashMap<>();
    attempts(runId).forEach(a -> out.merge(a.task(), 1, Integer::sum));
    return out;
  }

  /** Stores (or replaces) the output a task hands to the tasks after it. */
  public void saveOutput(String runId, String task, String json) {
    jdbc.update("clear a task output", "DELETE FROM pipeline_task_outputs WHERE run_id = ? AND name = ?", runId, task);
    jdbc.update("store a task output", "INSERT INTO pipeline_task_outputs (run_id, name, output_json) VALUES (?, ?, ?)",
        runId, task, json);
  }

  public Optional<String> output(String runId, String task) {
    return jdbc.one("read a task output", "SELECT output_json FROM pipeline_task_outputs WHERE run_id = ? AND name = ?",
        rs -> rs.getString(1), runId, task);
  }

  public void event(String runId, String kind, String detail, Instant now) {
    int seq = jdbc.one("read run events", "SELECT COALESCE(MAX(seq), 0) FROM pipeline_run_events WHERE run_id = ?",
        rs -> rs.getInt(1), runId).orElse(0) + 1;
    jdbc.update("record a run event", "INSERT INTO pipeline_run_events (run_id, seq, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
        runId, seq, now.toEpochMilli(), kind, detail);
  }

  public List<RunEvent> events(String runId) {
    return jdbc.query("read run events", "SELECT at, kind, detail FROM pipeline_run_events WHERE run_id = ? ORDER BY seq",
        rs -> new RunEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3)), runId);
  }

  /** Runs with at least one event of {@code kind}, among {@code runIds}. */
  public boolean hasEvent(String runId, String kind) {
    return jdbc.one("read run events", "SELECT 1 FROM pipeline_run_events WHERE run_id = ? AND kind = ?",
        rs -> rs.getInt(1), runId, kind).isPresent();
  }

  /** A cancel was requested and the run was not resumed since (a resume clears the earlier request). */
  public boolean cancelRequested(String runId) {
    return jdbc.one("read run events", "SELECT kind FROM pipeline_run_events WHERE run_id = ? AND kind IN (?, ?)"
        + " ORDER BY seq DESC LIMIT 1", rs -> rs.getString(1), runId, RunEvent.CANCEL_REQUESTED, RunEvent.RESUMED)
        .filter(RunEvent.CANCEL_REQUESTED::equals).isPresent();
  }

  /**
   * Reopens a finished run to continue it: the run is running again, and every task that did not
   * succeed (failed, skipped after the failure, or cancelled) is pending again.
   */
  public void reopen(String runId) {
    jdbc.update("reopen a run", "UPDATE pipeline_runs SET state = ?, finished_at = NULL, error = NULL WHERE run_id = ?",
        RunState.RUNNING.name(), runId);
    jdbc.update("reopen a run's tasks", "UPDATE pipeline_tasks SET state = ?, started_at = NULL, finished_at = NULL,"
        + " rows_processed = NULL, detail = NULL WHERE run_id = ? AND state <> ?",
        TaskState.PENDING.name(), runId, TaskState.SUCCEEDED.name());
    jdbc.update("clear payer results", "DELETE FROM pipeline_payer_results WHERE run_id = ?", runId);
    jdbc.update("clear payer roll-ups", "DELETE FROM pipeline_payer_rollups WHERE run_id = ?", runId);
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
