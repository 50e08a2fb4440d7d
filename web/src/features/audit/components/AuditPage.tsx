import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Badge, Card, ErrorAlert, Loading, PageHeader, type Tone } from '@/components/ui';
import { AXIS, GRID } from '@/lib/chart-theme';
import { chartAnimation } from '@/lib/motion';
import { formatDateTime, formatInt, formatMs } from '@/lib/format';
import type { AuditEntry } from '@/types/api';
import { useAudit } from '../api/audit';

const OUTCOME_TONE: Record<string, Tone> = { ok: 'good', refused: 'bad', denied: 'bad', error: 'bad', unanswerable: 'warn' };
const OUTCOME_COLOR: Record<string, string> = { ok: '#16a34a', unanswerable: '#f59e0b', refused: '#dc2626', denied: '#7f1d1d', error: '#b91c1c' };

export default function AuditPage() {
  const [limit, setLimit] = useState(200);
  const audit = useAudit(limit);
  const [kind, setKind] = useState('');
  const [user, setUser] = useState('');
  const entries = audit.data?.entries ?? [];
  const filtered = entries.filter((e) => (!kind || e.kind === kind) && (!user || e.username === user));
  const users = [...new Set(entries.map((e) => e.username))].sort();

  return (
    <div className="audit-page">
      <PageHeader title="Audit" subtitle="Who asked what, when, the SQL run, the rows returned and the outcome." />
      {audit.isLoading && <Loading label="Loading audit log…" />}
      <ErrorAlert error={audit.error} title="Could not load the audit log" />
      {audit.data && (
        <>
          <Card title="Outcomes by user">
            <OutcomeChart entries={filtered} />
          </Card>
          <Card
            title={`Entries (${filtered.length})`}
            actions={
              <>
                <label className="inline-field">
                  <span>Kind</span>
                  <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                    <option value="">All</option>
                    <option value="ask">ask</option>
                    <option value="sql">sql</option>
                    <option value="login">login</option>
                  </select>
                </label>
                <label className="inline-field">
                  <span>User</span>
                  <select aria-label="User" value={user} onChange={(e) => setUser(e.target.value)}>
                    <option value="">All</option>
                    {users.map((u) => (
                      <option key={u}>{u}</option>
                    ))}
                  </select>
                </label>
                <label className="inline-field">
                  <span>Last</span>
                  <select aria-label="Entries to load" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                    {[100, 200, 500, 1000].map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            }
          >
            <div className="table-scroll">
              <table className="table" aria-label="Audit entries">
                <thead>
                  <tr>
                    <th>When</th>
                    <th>User</th>
                    <th>Kind</th>
                    <th>Question / SQL</th>
                    <th>Outcome</th>
                    <th className="num">Rows</th>
                    <th className="num">Latency</th>
                  </tr>
                </thead>
                <tbody>
                  {filtered.map((e) => (
                    <tr key={e.id}>
                      <td className="small nowrap">{formatDateTime(e.at)}</td>
                      <td>
                        {e.username} <span className="muted small">{e.role}</span>
                      </td>
                      <td>
                        <Badge>{e.kind}</Badge>
                      </td>
                      <td className="audit-what">
                        {e.question && <div>{e.question}</div>}
                        {e.sql && (
                          <code className="raw-line" title={e.sql}>
                            {e.sql}
                          </code>
                        )}
                        {e.detail && <div className="muted small">{e.detail}</div>}
                      </td>
                      <td>
                        <Badge tone={OUTCOME_TONE[e.outcome] ?? 'neutral'}>{e.outcome}</Badge>
                      </td>
                      <td className="num">{formatInt(e.rows)}</td>
                      <td className="num">{formatMs(e.latency_ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

function OutcomeChart({ entries }: { entries: AuditEntry[] }) {
  const { data, outcomes } = useMemo(() => {
    const outcomes = [...new Set(entries.map((e) => e.outcome))];
    const byUser = new Map<string, Record<string, number | string>>();
    for (const e of entries) {
      const row = byUser.get(e.username) ?? { user: e.username };
      row[e.outcome] = ((row[e.outcome] as number) ?? 0) + 1;
      byUser.set(e.username, row);
    }
    return { data: [...byUser.values()], outcomes };
  }, [entries]);
  if (!data.length) return <p className="muted">No entries.</p>;
  const height = Math.max(140, data.length * 36 + 60);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis type="number" stroke={AXIS} allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="user" stroke={AXIS} tick={{ fontSize: 12 }} width={90} />
        <Tooltip />
        <Legend />
        {outcomes.map((o) => (
          <Bar key={o} dataKey={o} stackId="a" fill={OUTCOME_COLOR[o] ?? '#64748b'} maxBarSize={22} isAnimationActive={chartAnimation()} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
