import { useState } from 'react';
import { ErrorAlert } from '@/components/ui';
import { formatMs } from '@/lib/format';
import type { Turn } from '../api/use-ask-thread';
import { AnswerView } from './AnswerView';
import { TraceList } from './TraceList';

export interface TurnViewProps {
  turn: Turn;
  onSuggestion: (q: string) => void;
  sqlOpen: boolean;
  busy: boolean;
  index: number;
  /** The newest turn keeps its trace open; older ones fold it away unless opened. */
  latest?: boolean;
  /** The reading of this turn's clarification that a later turn asked. */
  chosen?: string;
}

/** One question in the thread: the question, its live trace, then the answer (or the error). */
export function TurnView({ turn, onSuggestion, sqlOpen, busy, index, latest = false, chosen }: TurnViewProps) {
  const [traceOpen, setTraceOpen] = useState<boolean | null>(null);
  const live = turn.state === 'streaming';
  const showTrace = live || (traceOpen ?? latest);
  const total = turn.trace.reduce((s, t) => s + (t.ms ?? 0), 0);
  return (
    <section className="turn" data-testid="turn" data-state={turn.state} aria-label={`Question ${index + 1}`}>
      <div className="turn-question">
        <span className="avatar" aria-hidden="true">
          Q
        </span>
        <h2 className="turn-question-text">{turn.question}</h2>
      </div>
      <div className="turn-body">
        <div className="trace-box">
          <button
            type="button"
            className="trace-toggle"
            aria-expanded={showTrace}
            disabled={live}
            onClick={() => setTraceOpen(!showTrace)}
          >
            <span className={`chevron${showTrace ? ' open' : ''}`} aria-hidden="true">
              ▸
            </span>
            {live ? 'Agents at work' : 'Agent trace'}
            <span className="muted small">
              {' '}
              · {turn.trace.length} step{turn.trace.length === 1 ? '' : 's'}
              {!live && total > 0 ? ` · ${formatMs(total)}` : ''}
            </span>
          </button>
          {showTrace && <TraceList steps={turn.trace} live={live} />}
        </div>
        {turn.state === 'error' && <ErrorAlert error={turn.error} title="The question could not be answered" />}
        {turn.answer && <AnswerView answer={turn.answer} onSuggestion={onSuggestion} sqlOpen={sqlOpen} busy={busy} chosen={chosen} />}
      </div>
    </section>
  );
}
