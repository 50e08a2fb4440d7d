-- Users, audit and conversations (server and assistant). Portable SQLite / PostgreSQL.

CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_log (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  username TEXT,
  role TEXT,
  kind TEXT NOT NULL,
  question TEXT,
  sql_text TEXT,
  outcome TEXT NOT NULL,
  rows_returned BIGINT,
  latency_ms BIGINT,
  detail TEXT
);

CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);

CREATE TABLE IF NOT EXISTS conversations (
  conversation_id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS conversation_turns (
  conversation_id TEXT NOT NULL,
  turn INTEGER NOT NULL,
  answer_id TEXT NOT NULL,
  question TEXT NOT NULL,
  semantic_query TEXT,
  answer_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, turn)
);
