import { formatMs, humanize } from '@/lib/format';
import type { TraceStep } from '@/types/api';
import { Spinner } from '@/components/ui';

const AGENT_ICONS: Record<string, string> = {
  router: '⇄',
  planner: '☰',
  retriever: '⌕',
  sql_generator: '⟨⟩',
  validator: '✓',
  executor: '▶',
  analyzer: '∑',
  explainer: '¶',
  suggester: '✦',
};

export interface TraceListProps {
  steps: TraceStep[];
  live?: boolean;
}

/** The agent trace: one row per step, in arrival order, with a spinner while more are coming. */
export function TraceList({ steps, live }: TraceListProps) {
  const total = steps.reduce((s, x) => s + (x.ms ?? 0), 0);
  return (
    <div className="trace" data-testid="trace">
      <ol className="trace-list" aria-label="Agent trace" aria-live={live ? 'polite' : undefined}>
        {steps.map((s, i) => (
          <li key={`${i}-${s.agent}`} className="trace-step" data-testid="trace-step" data-agent={s.agent}>
            <span className="trace-icon" aria-hidden="true">
              {AGENT_ICONS[s.agent] ?? '•'}
            </span>
            <span className="trace-agent">{humanize(s.agent)}</span>
            <span className="trace-summary">{s.summary}</span>
            <span className="trace-ms">{formatMs(s.ms)}</span>
          </li>
        ))}
        {live && (
          <li className="trace-step trace-pending">
            <span className="trace-icon">
              <Spinner label="Working" />
            </span>
            <span className="trace-agent muted">{steps.length ? 'Working…' : 'Starting…'}</span>
          </li>
        )}
      </ol>
      {!live && steps.length > 0 && (
        <div className="trace-total muted small">
          {steps.length} step{steps.length === 1 ? '' : 's'} · {formatMs(total)} in agents
        </div>
      )}
    </div>
  );
}
