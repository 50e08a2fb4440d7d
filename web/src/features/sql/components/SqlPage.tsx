import { useMemo, useRef, useState } from 'react';
import { ResultTable } from '@/components/ResultTable';
import { SqlBlock } from '@/components/SqlBlock';
import { Badge, Card, ErrorAlert, PageHeader } from '@/components/ui';
import { useTables } from '@/features/data/api/catalog';
import { isApiError } from '@/lib/api-client';
import { formatMs } from '@/lib/format';
import { useRunSql } from '../api/sql';
import { SqlEditor, type SqlEditorHandle } from './SqlEditor';

const STARTER = `SELECT payer,
       SUM(denied_count) * 1.0 / NULLIF(SUM(approved_count + denied_count), 0) AS denial_rate
FROM healthcare_gold.claims_monthly_summary
GROUP BY payer
ORDER BY denial_rate DESC`;

const LIMITS = [100, 1000, 5000, 10000];

export default function SqlPage() {
  // A link such as an answer's quarantine note opens the page with its SQL: /sql?sql=SELECT...
  const [text, setText] = useState(() => new URLSearchParams(window.location.search).get('sql') ?? STARTER);
  const [limit, setLimit] = useState(1000);
  const run = useRunSql();
  const tables = useTables();
  const editor = useRef<SqlEditorHandle>(null);

  const schema = useMemo(() => {
    const s: Record<string, string[]> = {};
    for (const t of tables.data?.tables ?? []) s[t.name] = t.columns.map((c) => c.name);
    return s;
  }, [tables.data]);

  const execute = () => {
    const q = text.trim();
    if (q && !run.isPending) run.mutate({ sql: q, limit });
  };

  const refused = isApiError(run.error) && (run.error.status === 422 || run.error.code === 'SQL_REFUSED');
  const code = isApiError(run.error) ? run.error.code : undefined;
  const errorTitle =
    code === 'QUERY_TOO_EXPENSIVE'
      ? 'Query too expensive'
      : code === 'QUERY_TIMEOUT'
        ? 'Query timed out'
        : code === 'QUERY_CANCELLED'
          ? 'Query cancelled'
          : code === 'TOO_MANY_QUERIES' || code === 'SERVER_BUSY'
            ? 'Too many queries'
            : refused
              ? 'Query refused'
              : 'Query failed';

  return (
    <div className="sql-page">
      <PageHeader title="SQL" subtitle="Read-only Spark SQL over the lakehouse: one SELECT or WITH query; results are capped by the limit." />
      <div className="split split-wide">
        <div className="split-main">
          <Card
            title="Query"
            actions={
              <>
                <label className="inline-field">
                  <span>Limit</span>
                  <select value={limit} onChange={(e) => setLimit(Number(e.target.value))} aria-label="Row limit">
                    {LIMITS.map((l) => (
                      <option key={l} value={l}>
                        {l.toLocaleString('en-US')}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="btn btn-primary" onClick={execute} disabled={run.isPending || !text.trim()}>
                  {run.isPending ? 'Running…' : 'Run query'}
                </button>
                {run.isPending && (
                  <button type="button" className="btn" onClick={() => void run.cancel()}>
                    Cancel
                  </button>
                )}
              </>
            }
          >
            <SqlEditor ref={editor} value={text} onChange={setText} onRun={execute} schema={schema} />
            <div className="muted small">Ctrl+Enter runs the query.</div>
          </Card>
          {run.error &&
            (refused ? (
              <div className="callout callout-bad" role="alert" data-testid="sql-error" data-code={code}>
                <div className="callout-icon" aria-hidden="true">
                  ⛔
                </div>
                <div>
                  <div className="callout-title">{errorTitle}</div>
                  <p className="callout-text">{(run.error as Error).message}</p>
                </div>
              </div>
            ) : (
              <div data-testid="sql-error" data-code={code}>
                <ErrorAlert error={run.error} title={errorTitle} />
              </div>
            ))}
          {run.data && (
            <Card
              title="Result"
              actions={
                <>
                  {run.data.cached && <Badge tone="info">cached</Badge>}
                  <Badge>{formatMs(run.data.latency_ms)}</Badge>
                </>
              }
            >
              <ResultTable
                columns={run.data.columns}
                rows={run.data.rows}
                title="query-result"
                truncated={run.data.truncated}
                rowCount={run.data.row_count}
                testId="sql-result"
              />
              {run.data.sql && <SqlBlock sql={run.data.sql} title="statement run" defaultOpen={false} />}
            </Card>
          )}
        </div>
        <aside className="split-side">
          <Card title="Tables">
            <ul className="schema-list" aria-label="Tables and columns">
              {(tables.data?.tables ?? []).map((t) => (
                <li key={t.name}>
                  <details>
                    <summary>
                      <code>{t.name}</code>
                    </summary>
                    <ul>
                      {t.columns.map((c) => (
                        <li key={c.name}>
                          <button type="button" className="link small" onClick={() => editor.current?.insert(c.name)} title={c.description}>
                            {c.name}
                          </button>{' '}
                          <span className="muted small">{c.type}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </Card>
        </aside>
      </div>
    </div>
  );
}
