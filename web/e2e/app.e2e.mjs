#!/usr/bin/env node
// End-to-end test of the built web app served by a running MedFlow server, in headless Chromium
// (Debian's `chromium`, driven by playwright-core; no browser download).
//
//   MEDFLOW_URL=http://127.0.0.1:8000 npm run e2e
//
// Env: MEDFLOW_URL (default http://127.0.0.1:8000), CHROMIUM_PATH (default /usr/bin/chromium),
// E2E_ANSWER_TIMEOUT_MS (default 90000),
// E2E_QUESTION (default "What is the denial rate by payer?").
// Screenshots go to web/test-results/ (answer.png is the answer page).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.MEDFLOW_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ANSWER_TIMEOUT = Number(process.env.E2E_ANSWER_TIMEOUT_MS ?? 90_000);
const QUESTION = process.env.E2E_QUESTION ?? 'What is the denial rate by payer?';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');
// The network is closed: without these Chromium stalls on background fetches.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.startsWith('failure-')) rmSync(join(OUT, f)); // from an earlier run
const log = (...a) => console.log('   ', ...a);

let context;
let profile;
const pageErrors = [];

async function waitForServer() {
  const deadline = Date.now() + 60_000;
  let last;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return r.json();
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`MedFlow server not reachable at ${BASE} (${last})`);
}

async function newPage() {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function shot(page, name) {
  const file = join(OUT, name);
  // A full-page capture keeps the viewport: un-stick the sticky bars so they sit where they belong.
  await page.mouse.move(0, 0);
  const style = await page.addStyleTag({
    content: '.sidebar,.topbar,.ask-follow,.table-nav{position:static!important}.sidebar{height:auto!important}',
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  await style.evaluate((s) => s.remove());
  log(`screenshot: ${file}`);
}

/** navigationStart → loadEvent of the page's last navigation, in ms. */
async function loadTime(page) {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return Math.round(nav.loadEventEnd - nav.startTime);
  });
}

async function login(page, username, password = username) {
  await page.goto(`${BASE}/login`, { waitUntil: 'load' });
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByTestId('user-name').filter({ hasText: username }).waitFor();
}

async function logout(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/login'));
}

const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });

before(async () => {
  const health = await waitForServer();
  log(`server ${BASE}: ${health.status}${health.version ? ` v${health.version}` : ''}`);
  profile = mkdtempSync(join(tmpdir(), 'medflow-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 900 },
    reducedMotion: 'reduce', // charts draw at once: screenshots show final shapes
    deviceScaleFactor: 1,
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('MedFlow web app', { concurrency: false }, () => {
  test('the login page loads (its load time is printed, not asserted: benchmarks are not tests)', async () => {
    const page = await newPage();
    await page.goto(`${BASE}/login`, { waitUntil: 'load' });
    const cold = await loadTime(page);
    await page.reload({ waitUntil: 'load' });
    const warm = await loadTime(page);
    log(`page load (navigation → load event): cold ${cold} ms, warm ${warm} ms`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'login.png');
    await page.close();
    assert.ok(cold > 0 && warm > 0, 'the browser reported navigation timings');
  });

  test('analyst asks a question, sees the trace, the chart and the SQL, then follows a suggestion', async () => {
    const page = await newPage();
    const asks = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ask/stream') && r.method() === 'POST') asks.push(r.postDataJSON());
    });
    try {
      await login(page, 'analyst');
      await page.waitForURL(/\/ask/);
      await expectVisible(mainNav(page).getByRole('link', { name: 'SQL', exact: true }), 'analyst has the SQL page');

      const t0 = Date.now();
      await page.getByRole('textbox', { name: 'Question' }).fill(QUESTION);
      await page.getByRole('button', { name: 'Ask', exact: true }).click();

      const turn1 = page.getByTestId('turn').nth(0);
      await turn1.getByTestId('trace-step').first().waitFor({ timeout: ANSWER_TIMEOUT });
      log(`first trace step after ${Date.now() - t0} ms`);
      const answer1 = turn1.getByTestId('answer');
      await answer1.waitFor({ timeout: ANSWER_TIMEOUT });
      log(`answer after ${Date.now() - t0} ms`);

      const status = await answer1.getAttribute('data-status');
      assert.equal(status, 'ok', `expected an answer, got status "${status}": ${await answer1.innerText()}`);
      const agents = await turn1.getByTestId('trace-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-agent')));
      log(`trace: ${agents.join(' → ')}`);
      assert.ok(agents.length >= 2, `expected several trace steps, got ${agents.length}`);
      assert.equal(agents[0], 'router');

      const chart = answer1.getByTestId('answer-chart');
      await chart.waitFor();
      const chartType = await chart.getAttribute('data-chart-type');
      log(`chart: ${chartType}`);
      if (chartType === 'bar' || chartType === 'line' || chartType === 'pie') {
        await chart.locator('svg.recharts-surface').first().waitFor();
      }
      const sql = answer1.getByTestId('answer-sql');
      await sql.waitFor();
      const sqlText = await sql.locator('pre code').innerText();
      assert.match(sqlText, /\b(SELECT|WITH)\b/i, 'SQL is shown');
      log(`latency badge: ${await answer1.getByTestId('latency').innerText()}`);
      await shot(page, 'answer.png');

      // Follow-up: click the first suggestion chip of the answer.
      const chip = answer1.getByTestId('suggestion-chip').first();
      const followUp = (await chip.innerText()).trim();
      log(`follow-up: ${followUp}`);
      await chip.click();
      const turn2 = page.getByTestId('turn').nth(1);
      await turn2.getByRole('heading', { name: followUp }).waitFor();
      await turn2.getByTestId('answer').waitFor({ timeout: ANSWER_TIMEOUT });
      await turn2.getByTestId('answer-chart').or(turn2.getByTestId('answer-status-callout')).first().waitFor();
      assert.equal(await page.getByTestId('turn').count(), 2, 'both answers stay in the thread');
      await expectVisible(turn1.getByTestId('answer-chart'), 'first answer still shown above');

      assert.equal(asks.length, 2, 'two ask requests');
      assert.equal(asks[0].question, QUESTION);
      assert.equal(asks[1].question, followUp);
      assert.ok(asks[1].conversation_id, 'the follow-up carries conversation_id');
      const c = new URL(page.url()).searchParams.get('c');
      assert.equal(asks[1].conversation_id, c, 'conversation id of the thread');
      await shot(page, 'follow-up.png');

      // The other pages render for an analyst (artifacts for review).
      await mainNav(page).getByRole('link', { name: 'Data', exact: true }).click();
      await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
      const tables = page.getByRole('navigation', { name: 'Tables' });
      await tables.getByRole('button').first().click();
      await page.getByRole('table', { name: /^Columns of / }).waitFor();
      // Time travel: view the table as of its oldest snapshot.
      const asOf = page.getByLabel('As of snapshot', { exact: true });
      await page.getByTestId('snapshot').first().waitFor();
      const options = await asOf.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assert.ok(options.length > 0, 'the table has snapshots');
      await asOf.selectOption(options[options.length - 1]);
      await page.getByTestId('time-travel-banner').waitFor();
      await page.getByTestId('preview-table').waitFor();
      log(`time travel: ${(await page.getByTestId('time-travel-banner').innerText()).replace(/\s+/g, ' ')}`);
      await shot(page, 'data.png');
      await mainNav(page).getByRole('link', { name: 'Pipeline', exact: true }).click();
      await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor();
      await page.getByTestId('run-view').or(page.getByText('No pipeline runs yet.')).first().waitFor();
      await shot(page, 'pipeline.png');
      await mainNav(page).getByRole('link', { name: 'SQL', exact: true }).click();
      await page.getByTestId('sql-editor').waitFor();
      await page.getByRole('button', { name: 'Run query' }).click();
      await page.getByTestId('sql-result').or(page.getByRole('alert')).first().waitFor({ timeout: ANSWER_TIMEOUT });
      await shot(page, 'sql.png');

      // A query that cannot finish in time is refused before it runs, saying why; the next one answers.
      const sqlBox = page.getByRole('textbox', { name: 'SQL query' });
      await sqlBox.fill('SELECT count(*) FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b CROSS JOIN healthcare.claims_clean c');
      await page.getByRole('button', { name: 'Run query' }).click();
      const refusal = page.getByTestId('sql-error');
      await refusal.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await refusal.getAttribute('data-code'), 'QUERY_TOO_EXPENSIVE');
      const refusalText = await refusal.innerText();
      assert.match(refusalText, /Query too expensive/);
      assert.match(refusalText, /without an equality condition/);
      log(`cost refusal: ${refusalText.replace(/\s+/g, ' ').slice(0, 160)}`);
      await shot(page, 'sql-too-expensive.png');
      await sqlBox.fill('SELECT COUNT(*) FROM healthcare.claims_clean');
      const tNext = Date.now();
      await page.getByRole('button', { name: 'Run query' }).click();
      await page.getByTestId('sql-result').waitFor({ timeout: ANSWER_TIMEOUT });
      log(`the next query answered in ${Date.now() - tNext} ms`);
      assert.equal(await page.getByTestId('sql-error').count(), 0, 'the refusal is gone');

      await logout(page);
    } catch (e) {
      await shot(page, 'failure-analyst.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('business user has no SQL page', async () => {
    const page = await newPage();
    try {
      await login(page, 'business');
      await mainNav(page).getByRole('link', { name: 'Ask', exact: true }).waitFor();
      assert.equal(await mainNav(page).getByRole('link', { name: 'SQL', exact: true }).count(), 0, 'no SQL link');
      assert.equal(await mainNav(page).getByRole('link', { name: 'Audit', exact: true }).count(), 0, 'no Audit link');

      await page.goto(`${BASE}/sql`, { waitUntil: 'load' });
      await page.waitForURL((u) => u.pathname === '/ask');
      await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
      assert.equal(await page.getByTestId('sql-editor').count(), 0, '/sql shows no editor');
      log(`business → /sql ended at ${new URL(page.url()).pathname}`);

      // The server enforces it too.
      const status = await page.evaluate(async () => {
        const s = JSON.parse(sessionStorage.getItem('medflow.session'));
        const r = await fetch('/api/sql', {
          method: 'POST',
          headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ sql: 'SELECT 1', limit: 1 }),
        });
        return r.status;
      });
      assert.equal(status, 403, 'POST /api/sql as business is forbidden');
      await shot(page, 'business.png');
    } catch (e) {
      await shot(page, 'failure-business.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('an ambiguous question offers its readings; the one clicked is answered in the same conversation', async () => {
    const page = await newPage();
    const asks = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ask/stream') && r.method() === 'POST') asks.push(r.postDataJSON());
    });
    try {
      await login(page, 'analyst');
      await page.waitForURL(/\/ask/);
      await page.getByRole('textbox', { name: 'Question' }).fill('oncology claims in 2025');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const turn1 = page.getByTestId('turn').nth(0);
      const answer1 = turn1.getByTestId('answer');
      await answer1.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await answer1.getAttribute('data-status'), 'clarify', await answer1.innerText());
      const readings = answer1.getByTestId('clarification');
      assert.equal(await readings.count(), 2, 'two readings: the Neoplasm diagnosis and the Oncology specialty');
      const chosen = (await readings.nth(1).innerText()).trim();
      log(`readings: ${(await readings.allInnerTexts()).join(' | ')}; chose: ${chosen}`);
      await shot(page, 'clarify.png');
      await readings.nth(1).click();
      const answer2 = page.getByTestId('turn').nth(1).getByTestId('answer');
      await answer2.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await answer2.getAttribute('data-status'), 'ok', await answer2.innerText());
      assert.equal(asks[1].question, chosen);
      assert.equal(asks[1].conversation_id, asks.length > 1 ? new URL(page.url()).searchParams.get('c') : null);
      const sqlText = await answer2.getByTestId('answer-sql').locator('pre code').innerText();
      assert.match(sqlText, chosen.includes('Oncology specialty') ? /provider_specialty = 'Oncology'/ : /Neoplasm/);
      // the chosen reading stays marked on the clarification
      assert.equal(await turn1.getByTestId('clarification').nth(1).getAttribute('aria-pressed'), 'true');
      await expectVisible(turn1.getByTestId('chosen-reading'), 'the chosen reading is remembered');
      await shot(page, 'clarify-answered.png');
      await logout(page);
    } catch (e) {
      await shot(page, 'failure-clarify.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('an answer verified by the analyst shows as verified to a business user asking a paraphrase', async () => {
    const page = await newPage();
    try {
      await login(page, 'analyst');
      await page.waitForURL(/\/ask/);
      await page.getByRole('textbox', { name: 'Question' }).fill('Denial rate by payer');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const answer = page.getByTestId('turn').nth(0).getByTestId('answer');
      await answer.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await answer.getAttribute('data-status'), 'ok', await answer.innerText());
      await expectVisible(answer.getByTestId('note-quarantine'), 'the quarantine note under an answer over claims_clean');
      log(`note: ${await answer.getByTestId('note-quarantine').innerText()}`);
      await answer.getByRole('button', { name: 'Mark verified' }).click();
      await answer.getByLabel('Verification note').fill('checked against the finance report');
      await answer.getByRole('button', { name: 'Verify answer' }).click();
      await expectVisible(answer.getByTestId('verify-done'), 'the answer is marked verified');
      await page.goto(`${BASE}/verified`, { waitUntil: 'load' });
      await expectVisible(page.getByTestId('verified-answer').filter({ hasText: 'Denial rate by payer' }), 'listed on the Verified page');
      await shot(page, 'verified.png');
      await logout(page);

      await login(page, 'business');
      await page.waitForURL(/\/ask/);
      await page.getByRole('textbox', { name: 'Question' }).fill('What is the denial rate for each payer?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const paraphrase = page.getByTestId('turn').nth(0).getByTestId('answer');
      await paraphrase.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await paraphrase.getAttribute('data-status'), 'ok', await paraphrase.innerText());
      const mark = paraphrase.getByTestId('verified-mark');
      await expectVisible(mark, 'the paraphrase carries the verification');
      assert.match((await mark.innerText()).replace(/\s+/g, ' '), /Verified by analyst on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      await shot(page, 'verified-business.png');
      await logout(page);
    } catch (e) {
      await shot(page, 'failure-verified.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('a thumbs-down and an unanswerable question appear on the admin feedback page', async () => {
    const page = await newPage();
    const question = 'denial rate by zodiac sign';
    try {
      await login(page, 'business');
      await page.waitForURL(/\/ask/);
      await page.getByRole('textbox', { name: 'Question' }).fill(question);
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const answer = page.getByTestId('turn').nth(0).getByTestId('answer');
      await answer.waitFor({ timeout: ANSWER_TIMEOUT });
      assert.equal(await answer.getAttribute('data-status'), 'unanswerable', await answer.innerText());
      await answer.getByRole('button', { name: 'Thumbs down' }).click();
      await answer.getByLabel('What was wrong?').fill('we need zodiac signs');
      await answer.getByRole('button', { name: 'Send' }).click();
      await expectVisible(answer.getByTestId('feedback-sent'), 'the feedback was stored');
      await logout(page);

      await login(page, 'admin');
      await page.goto(`${BASE}/feedback`, { waitUntil: 'load' });
      const down = page.locator('[data-testid="missed-group"][data-kind="thumbs_down"]').filter({ hasText: question });
      await expectVisible(down, 'the thumbs-down is listed');
      assert.match(await down.innerText(), /we need zodiac signs/);
      const missed = page.locator('[data-testid="missed-group"][data-kind="unanswerable"]').filter({ hasText: question });
      await expectVisible(missed, 'the unanswerable question is listed');
      assert.match(await page.getByTestId('leftover-words').innerText(), /zodiac/);
      await shot(page, 'feedback.png');
      await logout(page);
    } catch (e) {
      await shot(page, 'failure-feedback.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('the Pipeline page shows a scheduled run and a resumed run (an admin resumes a cancelled backfill)', async () => {
    // scripts/e2e starts the demo with a cron schedule (MEDFLOW_SCHEDULER_CRON) so the server starts runs itself.
    const token = await apiLogin('admin');
    const call = (method, path, body) =>
      fetch(`${BASE}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const get = async (path) => {
      const r = await call('GET', path);
      assert.ok(r.ok, `GET ${path}: HTTP ${r.status}`);
      return r.json();
    };
    const runs = async () => (await get('/api/pipeline/runs?limit=100')).runs;
    const schedule = await get('/api/pipeline/schedule');
    assert.equal(schedule.enabled, true, 'the demo server has a schedule (scripts/e2e sets MEDFLOW_SCHEDULER_CRON)');
    log(`schedule: cron ${schedule.cron}, next run ${schedule.next_run_at}`);
    const scheduled = await until(async () => (await runs()).find((r) => r.trigger === 'schedule' && r.state !== 'RUNNING'),
      'a scheduled run that finished', 240_000);
    log(`scheduled run ${scheduled.run_id}: ${scheduled.state}`);

    // A backfill of one demo batch, cancelled while it runs: a cancelled run the page can resume. Only the
    // latest run resumes, so start it right after a scheduled run, with time left before the next one.
    const demoRun = (await runs()).find((r) => (r.bronze_rows ?? 0) > 0 && r.trigger === 'demo');
    assert.ok(demoRun, 'the demo run loaded claims');
    const payer = (await get(`/api/pipeline/runs/${encodeURIComponent(demoRun.run_id)}`)).payers[0];
    const batch = `${payer.payer}/${payer.batch_id}`;
    let cancelled;
    for (let attempt = 1; attempt <= 4 && !cancelled; attempt++) {
      await until(async () => {
        const s = await get('/api/pipeline/schedule');
        const left = s.next_run_at ? Date.parse(s.next_run_at) - Date.now() : Infinity;
        return s.queue.length === 0 && left > 50_000 && !(await runs()).some((r) => r.state === 'RUNNING');
      }, 'an idle pipeline with time before the next scheduled run', 180_000);
      const b = await call('POST', '/api/pipeline/backfill', { batches: [batch] });
      if (b.status === 409) continue; // a run started meanwhile
      assert.equal(b.status, 202, `backfill ${batch}: HTTP ${b.status} ${await b.clone().text()}`);
      const { run_id: id } = await b.json();
      const c = await call('POST', `/api/pipeline/runs/${encodeURIComponent(id)}/cancel`);
      const end = await until(async () => {
        const d = await get(`/api/pipeline/runs/${encodeURIComponent(id)}`);
        return d.state !== 'RUNNING' && d;
      }, `backfill ${id} ends`, 180_000);
      log(`backfill ${id} (${batch}): cancel HTTP ${c.status}, ended ${end.state}`);
      const latest = (await runs())[0];
      const s = await get('/api/pipeline/schedule');
      const roomLeft = s.queue.length === 0 && (!s.next_run_at || Date.parse(s.next_run_at) - Date.now() > 25_000);
      if (c.status === 202 && ['CANCELLED', 'FAILED'].includes(end.state) && latest.run_id === id && roomLeft) cancelled = end;
    }
    assert.ok(cancelled, 'a backfill was cancelled while it ran');
    const id = cancelled.run_id;

    const page = await newPage();
    page.on('dialog', (d) => d.accept()); // "Resume run …?"
    try {
      await login(page, 'admin');
      await page.goto(`${BASE}/pipeline/${encodeURIComponent(id)}`, { waitUntil: 'load' });
      const view = page.getByTestId('run-view');
      const head = view.getByRole('heading', { name: new RegExp(id) });
      await head.waitFor();
      assert.match(await head.getByTestId('trigger-badge').innerText(), /backfill/);
      await view.getByRole('button', { name: 'Resume', exact: true }).click();
      await expectVisible(head.getByTestId('resumed-badge'), 'the run is marked resumed after Resume');
      await expectVisible(view.locator('[data-testid="run-event"][data-kind="resumed"]'), 'the resumed event is listed');
      await expectVisible(view.locator('[data-testid="run-event"][data-kind="cancel_requested"]'), 'the cancel request is listed');
      await head.getByTestId('state-badge').filter({ hasNotText: /running|cancelled/ }).waitFor({ timeout: 180_000 });
      log(`resumed ${id}: ${await head.getByTestId('state-badge').innerText()}`);

      // The run history shows both: a run the cron started and the resumed run.
      const list = page.getByRole('list', { name: 'Pipeline runs' });
      await expectVisible(list.locator(`[data-testid="run-item"][data-resumed="true"]`).first(), 'a resumed run in the list');
      assert.match(await list.locator('[data-testid="run-item"][data-resumed="true"]').first().innerText(), /resumed/);
      await expectVisible(list.locator('[data-testid="run-item"][data-trigger="schedule"]').first(), 'a scheduled run in the list');
      assert.match(await list.locator('[data-testid="run-item"][data-trigger="schedule"]').first().innerText(), /scheduled/);
      const panel = page.getByTestId('schedule');
      assert.equal(await panel.getAttribute('data-enabled'), 'true');
      assert.match(await panel.innerText(), new RegExp(schedule.cron.replace(/[*/]/g, '\\$&')));
      await shot(page, 'pipeline-orchestration.png');
      await logout(page);
    } catch (e) {
      await shot(page, 'failure-pipeline.png').catch(() => {});
      throw e;
    } finally {
      await page.close();
    }
  });

  test('no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});

/** Polls fn (every second) until it returns something truthy, which is returned. */
async function until(fn, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new assert.AssertionError({ message: `timed out waiting for ${what}` });
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function apiLogin(username, password = username) {
  const r = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(r.status, 200, `login ${username}`);
  return (await r.json()).token;
}

async function expectVisible(locator, what) {
  await locator.waitFor({ state: 'visible' }).catch(() => {
    throw new assert.AssertionError({ message: `not visible: ${what}` });
  });
}
