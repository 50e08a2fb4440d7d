#!/usr/bin/env node
// A stand-in for the MedFlow server, following docs/API.md, for UI development and for trying the
// e2e test before the Java server is there. It serves web/dist at / (SPA fallback) and fakes /api.
// Not used in production. Usage: node e2e/mock-server.mjs [--port 8010]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const portArg = process.argv.indexOf('--port');
const PORT = Number(portArg > -1 ? process.argv[portArg + 1] : (process.env.PORT ?? 8010));
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const STEP_MS = Number(process.env.MOCK_STEP_MS ?? 90);

const USERS = { admin: 'admin', analyst: 'analyst', business: 'business' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const iso = (d) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------- data ----------
const PAYERS = ['BlueCross', 'Aetna', 'UnitedHealth'];
const months = [];
for (let y = 2024; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}-01`);

const TABLES = [
  table('healthcare.claims_raw', 'bronze', 'One row per data line of every payer file, as read.', 301_245, [
    ['payer', 'string', 'Payer the file came from'], ['source_file', 'string', 'File path'], ['source_line', 'integer', '1-based line'],
    ['batch_id', 'string', 'Ingest batch'], ['ingested_at', 'timestamp', 'When ingested'], ['record', 'other', 'Raw values by source column'], ['raw_line', 'string', 'The line as read'],
  ]),
  table('healthcare.claims_clean', 'silver', 'One row per claim, standardised across payers.', 292_410, [
    ['claim_id', 'string', 'As sent by the payer'], ['payer', 'string', 'BlueCross, Aetna or UnitedHealth'], ['member_id', 'string', 'Member identifier', true],
    ['patient_birth_date', 'date', 'Date of birth', true], ['patient_age', 'integer', 'Whole years at service date'], ['provider_npi', 'string', '10-digit NPI'],
    ['provider_name', 'string', 'Rendering provider'], ['service_date', 'date', 'Date of service'], ['primary_diagnosis', 'string', 'ICD-10-CM code'],
    ['diagnosis_category', 'string', 'Category of the primary diagnosis'], ['billed_amount', 'decimal', 'Amount charged'], ['paid_amount', 'decimal', 'Amount paid'],
    ['claim_status', 'string', 'APPROVED, DENIED, PENDING, IN_REVIEW'], ['denial_reason', 'string', 'CARC description'],
  ]),
  table('healthcare.claims_quarantined', 'silver', 'Rows that broke a quality rule, with every reason.', 8_835, [
    ['payer', 'string', 'Payer'], ['source_file', 'string', 'File'], ['source_line', 'integer', 'Line'], ['reasons', 'other', 'Rule codes broken'],
  ]),
  table('healthcare_gold.claims_monthly_summary', 'gold', 'Claims, amounts and rates per service month and payer.', 72, [
    ['service_month', 'date', 'First day of the month of service'], ['payer', 'string', 'Payer'], ['claim_count', 'integer', 'Claims'],
    ['approved_count', 'integer', 'Approved claims'], ['denied_count', 'integer', 'Denied claims'], ['total_billed_amount', 'decimal', 'Sum billed'],
    ['total_paid_amount', 'decimal', 'Sum paid'], ['approval_rate', 'double', 'approved / adjudicated'], ['denial_rate', 'double', 'denied / adjudicated'],
    ['avg_processing_days', 'double', 'Mean days submitted → processed'],
  ]),
  table('healthcare_gold.provider_performance', 'gold', 'Per provider and payer: volumes, amounts, rates.', 1_140, [
    ['provider_npi', 'string', 'NPI'], ['provider_name', 'string', 'Name'], ['provider_specialty', 'string', 'Specialty'], ['payer', 'string', 'Payer'],
    ['claim_count', 'integer', 'Claims'], ['denial_rate', 'double', 'denied / adjudicated'],
  ]),
];
function table(name, layer, description, row_count, cols) {
  const [namespace, t] = name.split('.');
  // Four snapshots, newest first, each adding a quarter of the rows.
  const snaps = [];
  for (let i = 0; i < 4; i++) {
    snaps.unshift({
      snapshot_id: 4_812_345_678_901_000 + name.length * 1000 + i,
      parent_id: i ? 4_812_345_678_901_000 + name.length * 1000 + i - 1 : null,
      committed_at: iso(Date.UTC(2026, 10, 20 + i, 9, 30)),
      operation: i === 0 || layer !== 'silver' ? 'append' : 'overwrite',
      summary: { 'added-records': String(Math.round(row_count / 4)), 'total-records': String(Math.round((row_count * (i + 1)) / 4)) },
    });
  }
  return {
    name, namespace, table: t, layer, description, row_count, current_snapshot_id: snaps[0].snapshot_id,
    columns: cols.map(([n, type, d, pii]) => ({ name: n, type, description: d, pii: !!pii })),
    snapshots: snaps,
  };
}
const BUSINESS_TABLES = new Set(['healthcare.claims_clean', 'healthcare_gold.claims_monthly_summary', 'healthcare_gold.provider_performance']);

function denialRateByPayer() {
  return PAYERS.map((p, i) => [p, [0.087, 0.112, 0.143][i]]);
}

const ANSWERS = [
  {
    match: /denial rate by payer|denial rate for each payer/i,
    make: () => ({
      sql: 'SELECT payer,\n       SUM(denied_count) * 1.0 / NULLIF(SUM(approved_count + denied_count), 0) AS denial_rate\nFROM healthcare_gold.claims_monthly_summary\nGROUP BY payer\nORDER BY denial_rate DESC',
      columns: [{ name: 'payer', type: 'string' }, { name: 'denial_rate', type: 'double' }],
      rows: denialRateByPayer().sort((a, b) => b[1] - a[1]),
      chart: { type: 'bar', x: 'payer', y: ['denial_rate'] },
      explanation: 'Denial rate is denied claims divided by adjudicated (approved + denied) claims, over all service months in the data. UnitedHealth denies the largest share.',
      understood: 'denial rate, grouped by payer, all time',
      assumptions: ['All service months 2024-01 to 2025-12', 'Pending and in-review claims are not adjudicated'],
      suggestions: ['How has the denial rate changed by month for each payer?', 'What are the top denial reasons for UnitedHealth?', 'How many claims were denied in 2025?'],
      tables: ['healthcare_gold.claims_monthly_summary'],
    }),
  },
  {
    match: /by month|over time|trend|changed/i,
    make: () => ({
      sql: 'SELECT service_month, payer, denial_rate\nFROM healthcare_gold.claims_monthly_summary\nORDER BY service_month, payer',
      columns: [{ name: 'service_month', type: 'date' }, { name: 'payer', type: 'string' }, { name: 'denial_rate', type: 'double' }],
      rows: months.flatMap((m, i) => PAYERS.map((p, j) => [m, p, +(0.08 + j * 0.025 + 0.015 * Math.sin((i + j) / 2)).toFixed(4)])),
      chart: { type: 'line', x: 'service_month', y: ['denial_rate'] },
      explanation: 'Monthly denial rate per payer. Rates rise each winter, when more claims are denied for missing prior authorisation.',
      understood: 'denial rate per service month and payer',
      assumptions: [],
      suggestions: ['Which providers have the highest denial rates?', 'What is the average processing time by payer?'],
      tables: ['healthcare_gold.claims_monthly_summary'],
    }),
  },
  {
    match: /how many|total number|count of/i,
    make: () => ({
      sql: "SELECT COUNT(*) AS denied_claims\nFROM healthcare.claims_clean\nWHERE claim_status = 'DENIED' AND YEAR(service_date) = 2025",
      columns: [{ name: 'denied_claims', type: 'integer' }],
      rows: [[14_872]],
      chart: { type: 'number', y: ['denied_claims'] },
      explanation: 'Claims with status DENIED and a service date in 2025.',
      understood: 'count of denied claims, service year 2025',
      assumptions: ['"in 2025" means the service date'],
      suggestions: ['What is the denial rate by payer?', 'What are the top denial reasons?'],
      tables: ['healthcare.claims_clean'],
    }),
  },
  {
    match: /weather|stock|president/i,
    status: 'unanswerable',
    make: () => ({
      explanation: 'MedFlow holds healthcare claims (payers, providers, diagnoses, amounts, statuses); it has nothing about the weather.',
      suggestions: ['What is the denial rate by payer?', 'How many claims were denied in 2025?', 'Which providers have the highest denial rates?'],
    }),
  },
  {
    match: /\b(delete|drop|update|insert|truncate)\b/i,
    status: 'refused',
    make: () => ({
      explanation: 'MedFlow answers questions by reading data; it cannot change or delete claims.',
      suggestions: ['How many claims were denied in 2025?'],
    }),
  },
  {
    match: /./,
    make: () => ({
      sql: 'SELECT provider_name, provider_specialty, payer, claim_count, denial_rate\nFROM healthcare_gold.provider_performance\nWHERE claim_count >= 50\nORDER BY denial_rate DESC\nLIMIT 10',
      columns: [
        { name: 'provider_name', type: 'string' }, { name: 'provider_specialty', type: 'string' }, { name: 'payer', type: 'string' },
        { name: 'claim_count', type: 'integer' }, { name: 'denial_rate', type: 'double' },
      ],
      rows: [
        ['Lakeside Family Medicine, PC', 'Family Medicine', 'UnitedHealth', 412, 0.21],
        ['Heartland Cardiology Group', 'Cardiology', 'Aetna', 318, 0.19],
        ['Riverside Orthopedics', 'Orthopedic Surgery', 'UnitedHealth', 287, 0.18],
        ['Summit Endocrine Clinic', 'Endocrinology', 'BlueCross', 199, 0.17],
        ['Bayview Pulmonary Associates', 'Pulmonology', 'Aetna', 152, 0.16],
      ],
      chart: { type: 'table' },
      explanation: 'Providers with at least 50 claims, ranked by denial rate.',
      understood: 'providers ranked by denial rate',
      assumptions: ['At least 50 claims so that rates are meaningful'],
      suggestions: ['What is the denial rate by payer?'],
      tables: ['healthcare_gold.provider_performance'],
    }),
  },
];

const conversations = new Map();
const cache = new Map();
const audit = [];

function answerFor(question, conversationId) {
  const rule = ANSWERS.find((a) => a.match.test(question));
  const status = rule.status ?? 'ok';
  const body = rule.make();
  const key = question.trim().toLowerCase();
  const cached = cache.has(key);
  cache.set(key, true);
  const agents = status === 'ok'
    ? [['router', 'analytics question about claims'], ['planner', body.understood ?? 'plan'], ['retriever', `matched metric definitions in ${body.tables?.[0] ?? 'catalog'}`],
       ['sql_generator', 'semantic layer compiled the SQL'], ['validator', 'read-only, allowed tables, LIMIT added'], ['executor', `${body.rows.length} rows`],
       ['analyzer', `chart: ${body.chart.type}`], ['explainer', 'explanation written'], ['suggester', `${body.suggestions.length} follow-ups`]]
    : [['router', status === 'refused' ? 'asks to change data: refused' : 'not about claims data']];
  const trace = agents.map(([agent, summary]) => ({ agent, summary, ms: cached ? 0 : 2 + Math.round(Math.random() * 40) }));
  const answer = {
    answer_id: randomUUID(), conversation_id: conversationId ?? randomUUID(), question, status,
    sql: null, columns: [], rows: [], row_count: 0, truncated: false, chart: null, engine: 'semantic', cached, trace,
    latency_ms: cached ? 3 : trace.reduce((s, t) => s + t.ms, 0) + 25, understood: '', assumptions: [], tables: [],
    ...body,
  };
  answer.row_count = answer.rows.length;
  return answer;
}

const runs = [];
function seedRuns() {
  const base = Date.UTC(2026, 10, 24, 8, 0, 0);
  for (let i = 0; i < 5; i++) runs.unshift(makeRun(`run-${1000 + i}`, base + i * 3_600_000, i === 3 ? 'GATE_FAILED' : 'SUCCEEDED', 'demo'));
}
function makeRun(run_id, start, state, trigger) {
  const names = ['ingest', 'verify_bronze', 'transform', 'verify_silver', 'gate', 'publish', 'aggregate', 'verify_gold'];
  const durs = [4200, 600, 6100, 800, 150, 900, 2900, 500];
  let t = start;
  const gateFailed = state === 'GATE_FAILED';
  const tasks = names.map((name, i) => {
    const skipped = gateFailed && i > 4;
    const task = {
      name, state: skipped ? 'SKIPPED' : gateFailed && name === 'gate' ? 'FAILED' : 'SUCCEEDED',
      started_at: skipped ? null : iso(t), finished_at: skipped ? null : iso(t + durs[i]), duration_ms: skipped ? null : durs[i],
      rows: ['ingest', 'transform', 'aggregate'].includes(name) ? [100_412, 97_470, 72][['ingest', 'transform', 'aggregate'].indexOf(name)] : null,
      detail: name === 'gate' ? (gateFailed ? 'UnitedHealth quarantine rate 12.4% > 10%' : 'all payers under 10%') : name === 'ingest' ? '3 files' : null,
    };
    if (!skipped) t += durs[i];
    return task;
  });
  const rates = gateFailed ? [0.021, 0.034, 0.124] : [0.021, 0.034, 0.028];
  const payers = PAYERS.map((payer, i) => {
    const bronze = 33_470 + i * 11;
    const q = Math.round(bronze * rates[i]);
    return { payer, batch_id: `${run_id}-b`, source_file: `landing/${payer.toLowerCase()}/claims_2025.csv`, bronze_rows: bronze, clean_rows: bronze - q,
      quarantined_rows: q, quarantine_rate: +(q / bronze).toFixed(4), threshold: 0.1, gate_passed: rates[i] <= 0.1, reconciled: true };
  });
  const checks = ['MALFORMED_ROW', 'MISSING_CLAIM_ID', 'INVALID_DATE', 'INVALID_NPI', 'INVALID_DIAGNOSIS', 'INVALID_AMOUNT', 'DENIED_WITHOUT_REASON'];
  const quality = payers.flatMap((p, i) => checks.map((c, j) => {
    const failed = Math.round(p.bronze_rows * rates[i] * [0.1, 0.05, 0.2, 0.25, 0.2, 0.15, 0.05][j]);
    const warn = c === 'DENIED_WITHOUT_REASON';
    return { payer: p.payer, batch_id: p.batch_id, layer: 'silver', check_name: c, severity: warn ? 'WARN' : 'QUARANTINE', rows_checked: p.bronze_rows,
      rows_failed: failed, failure_rate: +(failed / p.bronze_rows).toFixed(5), threshold: warn ? null : 0.1, passed: true };
  }));
  const bronze = payers.reduce((s, p) => s + p.bronze_rows, 0);
  const quarantined = payers.reduce((s, p) => s + p.quarantined_rows, 0);
  return { run_id, state, trigger, started_at: iso(start), finished_at: iso(t), duration_ms: t - start, gate_passed: !gateFailed, files: 3,
    bronze_rows: bronze, clean_rows: bronze - quarantined, quarantined_rows: quarantined, error: null, tasks, payers, quality };
}
seedRuns();

function startRun() {
  const run = makeRun(`run-${1000 + runs.length}`, Date.now(), 'SUCCEEDED', 'api');
  const real = structuredClone(run);
  Object.assign(run, { state: 'RUNNING', finished_at: null, duration_ms: null, gate_passed: null });
  run.tasks.forEach((t) => Object.assign(t, { state: 'PENDING', started_at: null, finished_at: null, duration_ms: null }));
  runs.unshift(run);
  let i = 0;
  const tick = () => {
    if (i > 0) Object.assign(run.tasks[i - 1], real.tasks[i - 1], { finished_at: iso(Date.now()) });
    if (i < run.tasks.length) {
      Object.assign(run.tasks[i], { state: 'RUNNING', started_at: iso(Date.now()) });
      i++;
      setTimeout(tick, 700);
    } else {
      Object.assign(run, real, { started_at: run.started_at, finished_at: iso(Date.now()), duration_ms: Date.now() - Date.parse(run.started_at) });
    }
  };
  tick();
  return run;
}

// ---------- http ----------
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
const err = (res, status, code, message) => send(res, status, { error: { code, message } });
async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  try { return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'); } catch { return null; }
}
function user(req) {
  const m = /^Bearer mock\.(\w+)$/.exec(req.headers.authorization ?? '');
  return m && USERS[m[1]] ? { username: m[1], role: m[1] } : null;
}
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

async function serveStatic(req, res, path) {
  let file = normalize(join(DIST, decodeURIComponent(path)));
  if (!file.startsWith(DIST)) return err(res, 404, 'NOT_FOUND', 'no such file');
  let st = await stat(file).catch(() => null);
  if (!st || st.isDirectory()) {
    if (extname(path)) return err(res, 404, 'NOT_FOUND', 'no such file');
    file = join(DIST, 'index.html'); // SPA fallback
    st = await stat(file).catch(() => null);
    if (!st) return err(res, 404, 'NOT_FOUND', 'web/dist is not built: run npm run build');
  }
  const immutable = file.includes(`${join(DIST, 'assets')}`);
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  res.end(await readFile(file));
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  const M = req.method;
  if (!p.startsWith('/api/')) return serveStatic(req, res, p);

  if (M === 'GET' && p === '/api/health')
    return send(res, 200, { status: 'ok', version: '0.1.0-mock', dependencies: { catalog: { status: 'ok', detail: 'mock' }, app_db: { status: 'ok' }, cache: { status: 'ok' }, llm: { status: 'disabled', detail: 'no API key' } } });
  if (M === 'POST' && p === '/api/auth/login') {
    const b = await body(req);
    if (!b || USERS[b.username] !== b.password) return err(res, 401, 'BAD_CREDENTIALS', 'Wrong username or password');
    audit.unshift({ id: audit.length + 1, at: iso(Date.now()), username: b.username, role: b.username, kind: 'login', question: null, sql: null, outcome: 'ok', rows: null, latency_ms: 1, detail: null });
    return send(res, 200, { token: `mock.${b.username}`, role: b.username, username: b.username, expires_at: iso(Date.now() + 8 * 3600_000) });
  }
  const u = user(req);
  if (!u) return err(res, 401, 'UNAUTHORIZED', 'Sign in first');
  if (M === 'GET' && p === '/api/me') return send(res, 200, u);
  if (M === 'GET' && p === '/api/ask/examples')
    return send(res, 200, { examples: ['What is the denial rate by payer?', 'How has the denial rate changed by month for each payer?', 'How many claims were denied in 2025?', 'Which providers have the highest denial rates?'] });

  if (M === 'POST' && (p === '/api/ask' || p === '/api/ask/stream')) {
    const b = await body(req);
    if (!b?.question?.trim()) return err(res, 400, 'BAD_REQUEST', 'question is required');
    if (b.conversation_id && !conversations.has(b.conversation_id)) return err(res, 404, 'NOT_FOUND', 'no such conversation');
    const answer = answerFor(b.question, b.conversation_id);
    const conv = conversations.get(answer.conversation_id) ?? [];
    conv.push(answer);
    conversations.set(answer.conversation_id, conv);
    audit.unshift({ id: audit.length + 1, at: iso(Date.now()), username: u.username, role: u.role, kind: 'ask', question: b.question, sql: answer.sql, outcome: answer.status, rows: answer.row_count, latency_ms: answer.latency_ms, detail: null });
    if (p === '/api/ask') return send(res, 200, answer);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    for (const step of answer.trace) {
      await sleep(answer.cached ? 5 : STEP_MS);
      res.write(`event: trace\ndata: ${JSON.stringify(step)}\n\n`);
    }
    res.write(`event: answer\ndata: ${JSON.stringify(answer)}\n\n`);
    return res.end();
  }
  let m;
  if (M === 'GET' && (m = /^\/api\/conversations\/([^/]+)$/.exec(p))) {
    const conv = conversations.get(decodeURIComponent(m[1]));
    return conv ? send(res, 200, { conversation_id: m[1], answers: conv }) : err(res, 404, 'NOT_FOUND', 'no such conversation');
  }
  if (M === 'POST' && p === '/api/sql') {
    if (u.role === 'business') return err(res, 403, 'FORBIDDEN', 'Your role cannot run SQL');
    const b = await body(req);
    const sql = String(b?.sql ?? '').trim();
    if (!/^(select|with)\b/i.test(sql) || /;\s*\S/.test(sql)) {
      audit.unshift({ id: audit.length + 1, at: iso(Date.now()), username: u.username, role: u.role, kind: 'sql', question: null, sql, outcome: 'refused', rows: 0, latency_ms: 1, detail: 'not a single SELECT' });
      return err(res, 422, 'SQL_REFUSED', 'Only one read-only SELECT or WITH query is allowed.');
    }
    const rows = denialRateByPayer();
    audit.unshift({ id: audit.length + 1, at: iso(Date.now()), username: u.username, role: u.role, kind: 'sql', question: null, sql, outcome: 'ok', rows: rows.length, latency_ms: 48, detail: null });
    return send(res, 200, { columns: [{ name: 'payer', type: 'string' }, { name: 'denial_rate', type: 'double' }], rows, row_count: rows.length, truncated: false, latency_ms: 48, cached: false, sql: `${sql}\nLIMIT ${b.limit ?? 1000}` });
  }
  const visible = TABLES.filter((t) => u.role !== 'business' || BUSINESS_TABLES.has(t.name));
  if (M === 'GET' && p === '/api/tables') return send(res, 200, { tables: visible.map(({ snapshots, ...t }) => t) });
  if (M === 'GET' && (m = /^\/api\/tables\/([^/]+)\/(snapshots|preview)$/.exec(p))) {
    const t = TABLES.find((x) => x.name === decodeURIComponent(m[1]));
    if (!t) return err(res, 404, 'NOT_FOUND', 'no such table');
    if (!visible.includes(t)) return err(res, 403, 'FORBIDDEN', 'Your role cannot read this table');
    if (m[2] === 'snapshots') return send(res, 200, { table: t.name, snapshots: t.snapshots });
    const sid = url.searchParams.get('snapshot_id');
    const snap = sid ? t.snapshots.find((s) => String(s.snapshot_id) === sid) : t.snapshots[0];
    if (!snap) return err(res, 404, 'NOT_FOUND', 'no such snapshot');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 200);
    const age = t.snapshots.indexOf(snap);
    const rows = Array.from({ length: Math.min(limit, 20 - age * 4) }, (_, i) =>
      t.columns.map((c, j) => (c.pii && u.role === 'business' ? '***' : c.type === 'integer' ? i * 17 + j : c.type === 'double' ? +(0.05 + i / 100).toFixed(3) : c.type === 'decimal' ? 100 + i * 12.5 : c.type === 'date' ? `2025-0${1 + (i % 9)}-1${i % 10}` : `${c.name}-${i + 1}`)),
    );
    return send(res, 200, { table: t.name, snapshot_id: snap.snapshot_id, columns: t.columns.map(({ name, type }) => ({ name, type })), rows, row_count: rows.length, truncated: rows.length >= limit });
  }
  if (M === 'GET' && p === '/api/pipeline/sources')
    return send(res, 200, { sources: PAYERS.map((payer) => ({ payer, folder: payer.toLowerCase(), format: 'delimited', files: ['.csv'],
      mapping_file: `built-in medflow/payers/${payer.toLowerCase()}.yaml`, roll_up: false, rules: {} })) });
  if (M === 'GET' && p === '/api/pipeline/runs')
    return send(res, 200, { runs: runs.slice(0, Number(url.searchParams.get('limit') ?? 20)).map(({ tasks, payers, quality, ...s }) => s) });
  if (M === 'POST' && p === '/api/pipeline/runs') {
    if (u.role !== 'admin') return err(res, 403, 'FORBIDDEN', 'Only admins can start a run');
    if (runs.some((r) => r.state === 'RUNNING')) return err(res, 409, 'CONFLICT', 'A run is already going');
    return send(res, 202, { run_id: startRun().run_id });
  }
  if (M === 'GET' && (m = /^\/api\/pipeline\/runs\/([^/]+)$/.exec(p))) {
    const r = runs.find((x) => x.run_id === decodeURIComponent(m[1]));
    return r ? send(res, 200, r) : err(res, 404, 'NOT_FOUND', 'no such run');
  }
  if (M === 'GET' && p === '/api/pipeline/quarantine') {
    if (u.role === 'business') return err(res, 403, 'FORBIDDEN', 'Your role cannot see quarantined rows');
    const payer = url.searchParams.get('payer');
    const reasons = [['INVALID_NPI'], ['INVALID_DATE', 'INVALID_DATE_ORDER'], ['MALFORMED_ROW'], ['INVALID_DIAGNOSIS'], ['MISSING_MEMBER_ID'], ['INVALID_AMOUNT']];
    const rows = Array.from({ length: 12 }, (_, i) => {
      const pay = payer ?? PAYERS[i % 3];
      return { payer: pay, batch_id: url.searchParams.get('batch_id') ?? 'run-1004-b', source_file: `landing/${pay.toLowerCase()}/claims_2025.csv`, source_line: 120 + i * 37,
        claim_id: i % 5 === 2 ? null : `${pay.slice(0, 2).toUpperCase()}-2025-00${4711 + i}`, reasons: reasons[i % reasons.length],
        raw_line: `"${pay.slice(0, 2).toUpperCase()}-2025-00${4711 + i}","BCM1002348${i}","03/14/1961","F","123456789${i % 10}","Lakeside Family Medicine, PC",...` };
    }).slice(0, Number(url.searchParams.get('limit') ?? 20));
    return send(res, 200, { rows });
  }
  if (M === 'GET' && p === '/api/audit') {
    if (u.role !== 'admin') return err(res, 403, 'FORBIDDEN', 'Admins only');
    return send(res, 200, { entries: audit.slice(0, Number(url.searchParams.get('limit') ?? 100)) });
  }
  return err(res, 404, 'NOT_FOUND', `No route ${M} ${p}`);
}

createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) err(res, 500, 'INTERNAL', 'mock server error');
    else res.end();
  });
}).listen(PORT, '127.0.0.1', () => console.log(`MedFlow mock server on http://127.0.0.1:${PORT}`));
