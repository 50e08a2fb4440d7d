-- Orchestration: every attempt of a task (retries, resumes), the small outputs a task hands to the
-- next one (so a run resumes, or runs task by task in separate processes), and run events
-- (resumed, cancel requested, backfill batches). Portable SQLite / PostgreSQL.

CREATE TABLE IF NOT EXISTS pipeline_task_attempts (
  run_id TEXT NOT NULL,
  name TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  state TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  error TEXT,
  PRIMARY KEY (run_id, name, attempt)
);

CREATE TABLE IF NOT EXISTS pipeline_task_outputs (
  run_id TEXT NOT NULL,
  name TEXT NOT NULL,
  output_json TEXT NOT NULL,
  PRIMARY KEY (run_id, name)
);

CREATE TABLE IF NOT EXISTS pipeline_run_events (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT,
  PRIMARY KEY (run_id, seq)
);
