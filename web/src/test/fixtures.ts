import type { Answer, RunDetail } from '@/types/api';

export function makeAnswer(over: Partial<Answer> = {}): Answer {
  return {
    answer_id: 'a1',
    conversation_id: 'c1',
    question: 'What is the denial rate by payer?',
    status: 'ok',
    sql: "SELECT payer, SUM(denied_count) / SUM(approved_count + denied_count) AS denial_rate\nFROM healthcare_gold.claims_monthly_summary\nGROUP BY payer",
    columns: [
      { name: 'payer', type: 'string' },
      { name: 'denial_rate', type: 'double' },
    ],
    rows: [
      ['Aetna', 0.112],
      ['BlueCross', 0.087],
      ['UnitedHealth', 0.143],
    ],
    row_count: 3,
    truncated: false,
    explanation: 'Denied claims divided by adjudicated claims, per payer, over all service months.',
    chart: { type: 'bar', x: 'payer', y: ['denial_rate'] },
    suggestions: ['How has the denial rate changed by month?', 'What are the top denial reasons?'],
    engine: 'semantic',
    cached: false,
    trace: [
      { agent: 'router', summary: 'analytics question', ms: 2 },
      { agent: 'sql_generator', summary: 'semantic layer: denial_rate by payer', ms: 11 },
    ],
    latency_ms: 87,
    understood: 'denial rate grouped by payer',
    assumptions: ['All service months'],
    tables: ['healthcare_gold.claims_monthly_summary'],
    ...over,
  };
}

export const numberAnswer = makeAnswer({
  answer_id: 'n1',
  question: 'How many claims were denied in 2025?',
  columns: [{ name: 'denied_claims', type: 'integer' }],
  rows: [[12345]],
  row_count: 1,
  chart: { type: 'number', y: ['denied_claims'] },
});

export const lineAnswer = makeAnswer({
  answer_id: 'l1',
  question: 'How has the denial rate changed by month?',
  columns: [
    { name: 'service_month', type: 'date' },
    { name: 'payer', type: 'string' },
    { name: 'denial_rate', type: 'double' },
  ],
  rows: [
    ['2025-02-01', 'Aetna', 0.11],
    ['2025-01-01', 'Aetna', 0.1],
    ['2025-01-01', 'BlueCross', 0.08],
    ['2025-02-01', 'BlueCross', 0.09],
  ],
  row_count: 4,
  chart: { type: 'line', x: 'service_month', y: ['denial_rate'] },
});

export const tableAnswer = makeAnswer({
  answer_id: 't1',
  question: 'List the providers with the most claims',
  columns: [
    { name: 'provider_name', type: 'string' },
    { name: 'provider_specialty', type: 'string' },
    { name: 'claim_count', type: 'integer' },
  ],
  rows: [
    ['Lakeside Family Medicine, PC', 'Family Medicine', 1200],
    ['Heart Care Associates', 'Cardiology', 900],
  ],
  row_count: 2,
  chart: { type: 'table' },
});

export const unanswerable = makeAnswer({
  answer_id: 'u1',
  question: 'What will the weather be tomorrow?',
  status: 'unanswerable',
  sql: null,
  columns: [],
  rows: [],
  row_count: 0,
  chart: null,
  explanation: 'The claims data has no weather information.',
  suggestions: ['What is the denial rate by payer?', 'How many claims were submitted last month?'],
});

export const refused = makeAnswer({
  answer_id: 'r1',
  question: 'Delete all denied claims',
  status: 'refused',
  sql: null,
  columns: [],
  rows: [],
  row_count: 0,
  chart: null,
  explanation: 'MedFlow only reads data; it cannot delete or change claims.',
  suggestions: ['How many claims were denied?'],
});

export const run: RunDetail = {
  run_id: 'run-42',
  state: 'GATE_FAILED',
  trigger: 'api',
  started_at: '2026-11-24T20:00:00Z',
  finished_at: '2026-11-24T20:00:12Z',
  duration_ms: 12000,
  gate_passed: false,
  files: 3,
  bronze_rows: 30000,
  clean_rows: 28400,
  quarantined_rows: 1600,
  error: null,
  tasks: [
    { name: 'ingest', state: 'SUCCEEDED', started_at: '2026-11-24T20:00:00Z', finished_at: '2026-11-24T20:00:04Z', duration_ms: 4000, rows: 30000, detail: '3 files' },
    { name: 'transform', state: 'SUCCEEDED', started_at: '2026-11-24T20:00:04Z', finished_at: '2026-11-24T20:00:10Z', duration_ms: 6000, rows: 28400, detail: null },
    { name: 'gate', state: 'FAILED', started_at: '2026-11-24T20:00:10Z', finished_at: '2026-11-24T20:00:12Z', duration_ms: 2000, rows: null, detail: 'UnitedHealth over threshold' },
    { name: 'publish', state: 'SKIPPED', started_at: null, finished_at: null, duration_ms: null, rows: null, detail: null },
  ],
  payers: [
    { payer: 'BlueCross', batch_id: 'b1', source_file: 'bluecross/a.csv', bronze_rows: 10000, clean_rows: 9700, quarantined_rows: 300, quarantine_rate: 0.03, threshold: 0.1, gate_passed: true, reconciled: true },
    { payer: 'UnitedHealth', batch_id: 'b1', source_file: 'unitedhealth/a.txt', bronze_rows: 10000, clean_rows: 8800, quarantined_rows: 1200, quarantine_rate: 0.12, threshold: 0.1, gate_passed: false, reconciled: true },
  ],
  quality: [
    { payer: 'UnitedHealth', batch_id: 'b1', layer: 'silver', check_name: 'INVALID_NPI', severity: 'QUARANTINE', rows_checked: 10000, rows_failed: 900, failure_rate: 0.09, threshold: 0.1, passed: true },
    { payer: 'BlueCross', batch_id: 'b1', layer: 'silver', check_name: 'INVALID_DATE', severity: 'QUARANTINE', rows_checked: 10000, rows_failed: 0, failure_rate: 0, threshold: 0.1, passed: true },
  ],
};
