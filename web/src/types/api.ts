// Mirrors docs/API.md ("MedFlow HTTP API as built"). JSON is snake_case; times are ISO-8601 UTC strings.

export type Role = 'admin' | 'analyst' | 'business';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

// ---- Auth ----
export interface LoginRequest {
  username: string;
  password: string;
}
export interface LoginResponse {
  token: string;
  role: Role;
  expires_at: string;
  username: string;
}
export interface Me {
  username: string;
  role: Role;
}

// ---- Results (ask, sql, preview) ----
export type ColumnType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'double'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'other';

export interface Column {
  name: string;
  type: ColumnType | string;
}
export type Cell = string | number | boolean | null;
export type Row = Cell[];

// ---- Ask ----
export type AnswerStatus = 'ok' | 'unanswerable' | 'refused' | 'clarify';
export type ChartType = 'bar' | 'line' | 'pie' | 'table' | 'number';
export interface ChartSpec {
  type: ChartType;
  x?: string | null;
  y?: string[] | null;
}
export type AgentName =
  | 'router'
  | 'planner'
  | 'retriever'
  | 'sql_generator'
  | 'validator'
  | 'executor'
  | 'analyzer'
  | 'explainer'
  | 'suggester'
  | string;

export interface TraceStep {
  agent: AgentName;
  summary: string;
  ms: number;
}

export interface AskRequest {
  question: string;
  conversation_id?: string;
}

export interface Answer {
  answer_id: string;
  conversation_id: string;
  question: string;
  status: AnswerStatus;
  sql: string | null;
  columns: Column[];
  rows: Row[];
  row_count: number;
  truncated: boolean;
  explanation: string;
  chart: ChartSpec | null;
  suggestions: string[];
  engine: 'semantic' | 'llm' | string;
  cached: boolean;
  trace: TraceStep[];
  latency_ms: number;
  understood?: string;
  assumptions?: string[];
  tables?: string[];
  /** With status 'clarify': the readings of the question, each an answerable question to send back. */
  clarifications?: string[];
  /** Set when an analyst or admin verified this answer's semantic query (any wording of it). */
  verified?: VerifiedMark | null;
  /** What the figure leaves out: quarantined rows of the same scope, run-out of recent months. */
  notes?: AnswerNote[];
  /** Words of the question the engine could not place (unanswerable answers). */
  leftover_words?: string[];
}

export interface VerifiedMark {
  id: string;
  verified_by: string;
  verified_at: string;
  note: string | null;
}

export interface AnswerNote {
  kind: 'quarantine' | 'run_out' | string;
  text: string;
  /** For analysts: the SQL page with the counting query. */
  link: string | null;
  counts: Record<string, number>;
}

export interface VerifiedAnswer {
  id: string;
  question: string;
  semantic_query: unknown;
  sql: string;
  verified_by: string;
  verified_at: string;
  note: string | null;
  updated_at: string;
}

export interface FeedbackRequest {
  answer_id: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface MissedGroup {
  kind: 'unanswerable' | 'clarify' | 'thumbs_down' | string;
  question: string;
  count: number;
  users: number;
  last_at: string;
  leftover_words: string[];
  comments: string[];
  sql: string | null;
}

export interface MissedReport {
  groups: MissedGroup[];
  leftover_words: { word: string; count: number }[];
  answers_read: number;
  feedback_read: number;
}

export interface AskExamples {
  examples: string[];
}
export interface Conversation {
  conversation_id: string;
  answers: Answer[];
}

// ---- SQL ----
export interface SqlRequest {
  sql: string;
  limit?: number;
  /** Chosen by the client so it can cancel the query while it runs (DELETE /api/queries/{id}). */
  query_id?: string;
}
export interface SqlResult {
  columns: Column[];
  rows: Row[];
  row_count: number;
  truncated: boolean;
  latency_ms: number;
  cached: boolean;
  sql: string;
  query_id?: string;
}

/** A query running on the server (GET /api/queries). */
export interface RunningQuery {
  query_id: string;
  username: string;
  role: string;
  source: string;
  sql: string;
  started_at: string;
  elapsed_ms: number;
  state: 'running' | 'cancelling';
  pool: string;
}

// ---- Catalog ----
export type Layer = 'bronze' | 'silver' | 'gold';
export interface TableColumn {
  name: string;
  type: string;
  description: string;
  pii: boolean;
}
export interface TableInfo {
  name: string;
  namespace: string;
  table: string;
  layer: Layer | string;
  description: string;
  row_count: number | null;
  current_snapshot_id: number | string | null;
  columns: TableColumn[];
  /** Where the table's files live: s3://bucket/… or file:/…; null before the table exists. */
  location?: string | null;
}
export interface TablesResponse {
  tables: TableInfo[];
}
export interface Snapshot {
  snapshot_id: number | string;
  parent_id: number | string | null;
  committed_at: string;
  operation: string;
  summary: Record<string, string | number | null>;
}
export interface SnapshotsResponse {
  table: string;
  snapshots: Snapshot[];
}
export interface TablePreview {
  table: string;
  snapshot_id: number | string | null;
  columns: Column[];
  rows: Row[];
  row_count: number;
  truncated: boolean;
}

// ---- Pipeline ----
export type RunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'GATE_FAILED' | 'NOTHING_TO_DO' | 'CANCELLED';
export type TaskState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
export type TaskName =
  | 'ingest'
  | 'verify_bronze'
  | 'transform'
  | 'verify_silver'
  | 'gate'
  | 'publish'
  | 'aggregate'
  | 'verify_gold';

export interface RunSummary {
  run_id: string;
  state: RunState | string;
  /** What started the run: cli, api, demo, bench, schedule (cron), sensor (new files), backfill, airflow, spark-submit. */
  trigger: RunTrigger;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  gate_passed: boolean | null;
  files: number | null;
  bronze_rows: number | null;
  clean_rows: number | null;
  quarantined_rows: number | null;
  error: string | null;
  /** The run was resumed after it failed or was cancelled. */
  resumed?: boolean;
  /** Task attempts in all (more than the tasks run when a task was retried). */
  attempts?: number;
}
export type RunTrigger =
  | 'cli'
  | 'api'
  | 'demo'
  | 'bench'
  | 'schedule'
  | 'sensor'
  | 'backfill'
  | 'airflow'
  | 'spark-submit'
  | string;
export interface RunsResponse {
  runs: RunSummary[];
}
export interface PipelineTask {
  name: TaskName | string;
  state: TaskState | string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  rows: number | null;
  detail: string | null;
  /** Times this task was tried in the run (0 when it never started). */
  attempts?: number;
}
/** One try of a task (GET /api/pipeline/runs/{id} "attempts"). */
export interface TaskAttempt {
  task: string;
  attempt: number;
  state: TaskState | string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}
export type RunEventKind = 'resumed' | 'cancel_requested' | 'backfill';
export interface RunEvent {
  at: string;
  kind: RunEventKind | string;
  detail: string;
}
export interface PayerResult {
  payer: string;
  batch_id: string;
  source_file: string;
  bronze_rows: number;
  clean_rows: number;
  quarantined_rows: number;
  quarantine_rate: number | null;
  threshold: number;
  gate_passed: boolean | null;
  reconciled: boolean | null;
  /** Lines of a roll-up source folded into a clean claim of another line: bronze = clean + rolled + quarantined. */
  rolled_rows?: number;
}
/** A source the pipeline reads (GET /api/pipeline/sources). */
export interface PipelineSource {
  payer: string;
  folder: string;
  format: 'delimited' | 'x12-837p' | string;
  files: string[];
  mapping_file: string;
  roll_up: boolean;
  rules: Record<string, string>;
}
export interface SourcesResponse {
  sources: PipelineSource[];
}
export interface QualityResult {
  payer: string;
  batch_id: string;
  layer: string;
  check_name: string;
  severity: 'QUARANTINE' | 'WARN' | string;
  rows_checked: number;
  rows_failed: number;
  failure_rate: number | null;
  threshold: number | null;
  passed: boolean;
}
/** A run with its tasks; here `attempts` is the list of task tries (a run summary has their count). */
export interface RunDetail extends Omit<RunSummary, 'attempts'> {
  tasks: PipelineTask[];
  payers: PayerResult[];
  quality: QualityResult[];
  /** Tries of every task, in order (absent from older servers). */
  attempts?: TaskAttempt[];
  /** What happened to the run besides its tasks: resumed, cancel requested, backfill. */
  events?: RunEvent[];
}
export interface StartRunResponse {
  run_id: string;
}
export interface CancelRunResponse {
  run_id: string;
  cancel_requested: boolean;
}
/** A trigger waiting for the running run to end. */
export interface QueuedTrigger {
  trigger: RunTrigger;
  at: string;
  reason: string;
}
/** GET /api/pipeline/schedule: the server's scheduler (cron schedule and landing sensor). */
export type ScheduleStatus =
  | { enabled: false }
  | {
      enabled: true;
      /** 5-field cron (UTC), null when only the sensor is on. */
      cron: string | null;
      next_run_at: string | null;
      sensor_enabled: boolean;
      sensor_quiet_period_s: number;
      sensor_waiting_files: number;
      queue: QueuedTrigger[];
      last_started_run: string | null;
      last_error: string | null;
    };
export interface QuarantineRow {
  payer: string;
  batch_id: string;
  source_file: string;
  source_line: number;
  claim_id: string | null;
  reasons: string[];
  raw_line: string;
}
export interface QuarantineResponse {
  rows: QuarantineRow[];
}

// ---- Operations ----
export interface AuditEntry {
  id: number | string;
  at: string;
  username: string;
  role: Role | string;
  kind: 'sql' | 'ask' | 'login' | string;
  question: string | null;
  sql: string | null;
  outcome: 'ok' | 'refused' | 'unanswerable' | 'error' | 'denied' | string;
  rows: number | null;
  latency_ms: number | null;
  detail: string | null;
}
export interface AuditResponse {
  entries: AuditEntry[];
}
export interface DependencyState {
  status: 'ok' | 'down' | 'disabled' | string;
  detail?: string | null;
}
export interface Health {
  status: 'ok' | 'degraded' | string;
  version?: string;
  /** Engine of interactive queries: spark or trino. */
  engine?: string;
  engine_fallback?: string;
  dependencies?: Record<string, DependencyState>;
}
