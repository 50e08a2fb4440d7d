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

-- Verified answers (issue 10): a question whose semantic query and SQL an analyst or admin checked.
-- query_key is the semantic query without its wording, so paraphrases find it.
CREATE TABLE IF NOT EXISTS verified_answers (
  id TEXT PRIMARY KEY,
  query_key TEXT NOT NULL,
  question TEXT NOT NULL,
  semantic_query TEXT NOT NULL,
  sql_text TEXT NOT NULL,
  verified_by TEXT NOT NULL,
  verified_at BIGINT NOT NULL,
  note TEXT,
  updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS verified_answers_key ON verified_answers (query_key);

-- Every answer given, in short: what the feedback page groups (unanswerable, clarify) and what feedback refers to.
CREATE TABLE IF NOT EXISTS answer_log (
  answer_id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  username TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  sql_text TEXT,
  leftover_words TEXT
);

CREATE INDEX IF NOT EXISTS answer_log_at ON answer_log (at);

-- Thumbs up/down and a comment on an answer, one per user and answer (a second one replaces the first).
CREATE TABLE IF NOT EXISTS answer_feedback (
  answer_id TEXT NOT NULL,
  username TEXT NOT NULL,
  rating TEXT NOT NULL,
  comment TEXT,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  sql_text TEXT,
  at BIGINT NOT NULL,
  PRIMARY KEY (answer_id, username)
);
