import { chartAnimation } from '@/lib/motion';
import type { ReactNode } from 'react';
import { Badge, Card, Kpi } from '@/components/ui';
import { formatDateTime, formatInt, formatMs, formatPercent, humanize } from '@/lib/format';
import type { RunDetail } from '@/types/api';
import { QualityChecks } from './QualityChecks';
import { QuarantineRateChart } from './QuarantineRateChart';
import { RunBadges } from './RunBadges';
import { RunEvents } from './RunEvents';
import { RunStateBadge } from './RunStateBadge';
import { TaskGantt } from './TaskGantt';

export interface RunViewProps {
  run: RunDetail;
  /** The quarantine sample (only for roles that may see it). */
  quarantine?: ReactNode;
  /** Resume / cancel buttons (admins only). */
  actions?: ReactNode;
  animate?: boolean;
}

/** One pipeline run: headline numbers, task timeline, per-payer quarantine vs threshold, checks. */
export function RunView({ run, quarantine, actions, animate = chartAnimation() }: RunViewProps) {
  const events = run.events ?? [];
  const retries = run.tasks.reduce((n, t) => n + Math.max(0, (t.attempts ?? 0) - 1), 0);
  const qRate = run.bronze_rows ? (run.quarantined_rows ?? 0) / run.bronze_rows : null;
  const overThreshold = run.payers.filter((p) => (p.quarantine_rate ?? 0) > p.threshold);
  return (
    <div className="run-view" data-testid="run-view">
      <div className="run-head">
        <h2>
          Run <code>{run.run_id}</code> <RunStateBadge state={run.state} /> <RunBadges run={run} />
        </h2>
        <div className="muted small">
          {humanize(run.trigger)} · started {formatDateTime(run.started_at)}
          {run.finished_at ? ` · finished ${formatDateTime(run.finished_at)}` : ''}
          {retries > 0 && (
            <span data-testid="run-retries">
              {' '}
              · {retries} {retries === 1 ? 'retry' : 'retries'}
            </span>
          )}
        </div>
        {actions}
      </div>
      {run.error && (
        <div className="alert alert-error" role="alert">
          {run.error}
        </div>
      )}
      <div className="kpis">
        <Kpi label="Duration" value={formatMs(run.duration_ms)} />
        <Kpi label="Files" value={formatInt(run.files)} />
        <Kpi label="Bronze rows" value={formatInt(run.bronze_rows)} />
        <Kpi label="Clean rows" value={formatInt(run.clean_rows)} />
        <Kpi
          label="Quarantined"
          value={formatInt(run.quarantined_rows)}
          sub={qRate !== null ? `${formatPercent(qRate, 2)} of bronze` : undefined}
          tone={overThreshold.length ? 'bad' : undefined}
        />
        <Kpi
          label="Quality gate"
          value={run.gate_passed === null ? '—' : run.gate_passed ? 'Passed' : 'Failed'}
          tone={run.gate_passed === null ? undefined : run.gate_passed ? 'good' : 'bad'}
        />
      </div>

      <div className="grid-2">
        <Card title="Task timeline">
          {run.tasks.length ? <TaskGantt tasks={run.tasks} animate={animate} /> : <p className="muted">No tasks recorded.</p>}
        </Card>
        <Card title="Quarantine rate vs threshold">
          {run.payers.length ? (
            <>
              <QuarantineRateChart payers={run.payers} animate={animate} />
              {overThreshold.length > 0 && (
                <p className="bad small" role="status">
                  Over the threshold: {overThreshold.map((p) => p.payer).join(', ')} — gold was not changed by this batch.
                </p>
              )}
            </>
          ) : (
            <p className="muted">No payer batches in this run.</p>
          )}
        </Card>
      </div>

      {events.length > 0 && (
        <Card title="Run events">
          <RunEvents events={events} />
        </Card>
      )}

      <Card title="Tasks">
        <div className="table-scroll">
          <table className="table" aria-label="Tasks">
            <thead>
              <tr>
                <th>Task</th>
                <th>State</th>
                <th>Started</th>
                <th className="num">Duration</th>
                <th className="num">Rows</th>
                <th className="num">Attempts</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {run.tasks.map((t) => (
                <tr key={t.name} data-testid="task-row" data-state={t.state}>
                  <td>{humanize(t.name)}</td>
                  <td>
                    <RunStateBadge state={t.state} />
                  </td>
                  <td className="small muted">{formatDateTime(t.started_at)}</td>
                  <td className="num">{formatMs(t.duration_ms)}</td>
                  <td className="num">{formatInt(t.rows)}</td>
                  <td className={`num${(t.attempts ?? 0) > 1 ? ' warn' : ''}`} data-testid="task-attempts">
                    {t.attempts === undefined ? '—' : formatInt(t.attempts)}
                  </td>
                  <td className="small">{t.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      {run.payers.length > 0 && (
        <Card title="Payers">
          <div className="table-scroll">
            <table className="table" aria-label="Payers">
              <thead>
                <tr>
                  <th>Payer</th>
                  <th>Batch</th>
                  <th className="num">Bronze</th>
                  <th className="num">Clean</th>
                  <th className="num">Quarantined</th>
                  <th className="num">Rate</th>
                  <th className="num">Threshold</th>
                  <th>Gate</th>
                  <th>Reconciled</th>
                </tr>
              </thead>
              <tbody>
                {run.payers.map((p) => {
                  const over = (p.quarantine_rate ?? 0) > p.threshold;
                  return (
                    <tr key={`${p.payer}-${p.batch_id}`} data-testid="payer-row">
                      <td>{p.payer}</td>
                      <td className="small">
                        <code>{p.batch_id}</code>
                      </td>
                      <td className="num">{formatInt(p.bronze_rows)}</td>
                      <td className="num">
                        {formatInt(p.clean_rows)}
                        {(p.rolled_rows ?? 0) > 0 && (
                          <div className="muted small" title="Claim lines rolled into these claims (bronze = clean + rolled + quarantined)">
                            +{formatInt(p.rolled_rows!)} lines rolled in
                          </div>
                        )}
                      </td>
                      <td className="num">{formatInt(p.quarantined_rows)}</td>
                      <td className={`num${over ? ' bad' : ''}`}>{p.quarantine_rate === null ? '—' : formatPercent(p.quarantine_rate, 2)}</td>
                      <td className="num muted">{formatPercent(p.threshold, 0)}</td>
                      <td>{p.gate_passed === null ? '—' : p.gate_passed ? <Badge tone="good">passed</Badge> : <Badge tone="bad">failed</Badge>}</td>
                      <td>{p.reconciled === null ? '—' : p.reconciled ? <Badge tone="good">yes</Badge> : <Badge tone="bad">no</Badge>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <Card title="Quality checks">
        <QualityChecks quality={run.quality} />
      </Card>

      {quarantine && <Card title="Quarantined rows (sample)">{quarantine}</Card>}
    </div>
  );
}
