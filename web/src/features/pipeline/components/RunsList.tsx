import { Link } from 'react-router';
import { formatDateTime, formatInt, formatMs } from '@/lib/format';
import type { RunSummary } from '@/types/api';
import { PIPELINE_TASKS, RunBadges } from './RunBadges';
import { RunStateBadge } from './RunStateBadge';

export function RunsList({ runs, selected }: { runs: RunSummary[]; selected: string | null }) {
  return (
    <ul className="runs-list" aria-label="Pipeline runs">
      {runs.map((r) => (
        <li key={r.run_id}>
          <Link
            to={`/pipeline/${encodeURIComponent(r.run_id)}`}
            className={`run-item${r.run_id === selected ? ' active' : ''}`}
            aria-current={r.run_id === selected ? 'page' : undefined}
            data-testid="run-item"
            data-trigger={r.trigger}
            data-resumed={r.resumed ? 'true' : undefined}
          >
            <div className="run-item-top">
              <RunStateBadge state={r.state} />
              <RunBadges run={r} />
              <span className="run-item-dur small">{formatMs(r.duration_ms)}</span>
            </div>
            <div className="small">{formatDateTime(r.started_at)}</div>
            <div className="muted small">
              {formatInt(r.bronze_rows)} rows · {formatInt(r.quarantined_rows)} quarantined
              {(r.attempts ?? 0) > PIPELINE_TASKS && (
                <span data-testid="run-attempts" title="Task attempts in all: some tasks were retried">
                  {' '}
                  · {formatInt(r.attempts!)} attempts
                </span>
              )}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
