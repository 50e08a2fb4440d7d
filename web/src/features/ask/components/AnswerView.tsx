import { chartAnimation } from '@/lib/motion';
import { useState } from 'react';
import { ResultTable } from '@/components/ResultTable';
import { SqlBlock } from '@/components/SqlBlock';
import { Badge } from '@/components/ui';
import { formatMs } from '@/lib/format';
import type { Answer } from '@/types/api';
import { AnswerChart } from './AnswerChart';
import { resolveChart } from './chart-data';
import { SuggestionChips } from './SuggestionChips';
import { AnswerNotes, FeedbackBar, VerifiedBadge, VerifyControl } from '@/features/learning/components/AnswerExtras';

export interface AnswerViewProps {
  answer: Answer;
  onSuggestion: (q: string) => void;
  /** Business users see the SQL folded away; analysts and admins see it open. */
  sqlOpen?: boolean;
  busy?: boolean;
  animate?: boolean;
  /** For a clarification: the reading chosen in a later turn of the conversation. */
  chosen?: string;
}

/** One answer: headline number or chart, explanation, result table, SQL and follow-ups. */
export function AnswerView({ answer, onSuggestion, sqlOpen = true, busy, animate = chartAnimation(), chosen }: AnswerViewProps) {
  if (answer.status === 'clarify') {
    return <Clarify answer={answer} onPick={onSuggestion} busy={busy} chosen={chosen} />;
  }
  if (answer.status === 'unanswerable' || answer.status === 'refused') {
    return <NotAnswered answer={answer} onSuggestion={onSuggestion} busy={busy} />;
  }
  const chartType = resolveChart(answer).type;
  return (
    <article className="answer" data-testid="answer" data-status={answer.status} aria-label={`Answer: ${answer.question}`}>
      <AnswerMeta answer={answer} />
      <VerifiedBadge answer={answer} />
      {answer.understood && (
        <p className="understood">
          <span className="muted">Understood as:</span> {answer.understood}
        </p>
      )}
      <AnswerChart answer={answer} animate={animate} />
      {answer.explanation && (
        <div className="explanation" data-testid="answer-explanation">
          <p>{answer.explanation}</p>
          {answer.assumptions && answer.assumptions.length > 0 && (
            <ul className="assumptions" aria-label="Assumptions">
              {answer.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <AnswerNotes answer={answer} />
      {chartType !== 'table' && <TableToggle answer={answer} />}
      {answer.sql && <SqlBlock sql={answer.sql} defaultOpen={sqlOpen} />}
      {answer.tables && answer.tables.length > 0 && (
        <div className="muted small">
          Tables read: {answer.tables.map((t) => <code key={t} className="inline-code">{t}</code>)}
        </div>
      )}
      <SuggestionChips suggestions={answer.suggestions} onPick={onSuggestion} disabled={busy} />
      <div className="answer-actions">
        <FeedbackBar answer={answer} />
        <VerifyControl answer={answer} />
      </div>
    </article>
  );
}

function TableToggle({ answer }: { answer: Answer }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="table-toggle">
      <button type="button" className="btn btn-ghost btn-sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide result table' : `Show result table (${answer.row_count.toLocaleString('en-US')} row${answer.row_count === 1 ? '' : 's'})`}
      </button>
      {open && (
        <ResultTable
          columns={answer.columns}
          rows={answer.rows}
          title={answer.question}
          truncated={answer.truncated}
          rowCount={answer.row_count}
          testId="answer-table"
        />
      )}
    </div>
  );
}

export function AnswerMeta({ answer }: { answer: Answer }) {
  return (
    <div className="answer-meta">
      {answer.cached && (
        <Badge tone="info" testId="cached-badge" title="Served from the answer cache">
          cached
        </Badge>
      )}
      <Badge tone="neutral" testId="latency" title="End-to-end latency">
        {formatMs(answer.latency_ms)}
      </Badge>
      {answer.engine && (
        <Badge tone="accent" title="How the SQL was produced">
          {answer.engine === 'semantic' ? 'semantic layer' : answer.engine === 'llm' ? 'LLM' : answer.engine}
        </Badge>
      )}
      {answer.truncated && <Badge tone="warn">truncated</Badge>}
    </div>
  );
}

/** Two or more readings fit the question: each is a button that asks that reading in the same conversation. */
function Clarify({ answer, onPick, busy, chosen }: { answer: Answer; onPick: (q: string) => void; busy?: boolean; chosen?: string }) {
  const readings = answer.clarifications?.length ? answer.clarifications : answer.suggestions;
  return (
    <article className="answer answer-not answer-clarify" data-testid="answer" data-status="clarify"
      aria-label={`Answer: ${answer.question}`}>
      <div className="callout callout-info" role="note" data-testid="answer-status-callout">
        <div className="callout-icon" aria-hidden="true">⇄</div>
        <div>
          <div className="callout-title">Which do you mean?</div>
          <p className="callout-text">This question can be read in more than one way, and the answers differ.</p>
        </div>
      </div>
      <div className="clarifications" role="group" aria-label="Readings of the question">
        {readings.map((r) => (
          <button key={r} type="button" className={`btn clarification${r === chosen ? ' chosen' : ''}`} data-testid="clarification"
            aria-pressed={r === chosen} disabled={busy || r === chosen} onClick={() => onPick(r)}>
            {r === chosen ? '✓ ' : ''}
            {r}
          </button>
        ))}
      </div>
      {chosen && (
        <p className="muted small" data-testid="chosen-reading">
          You chose: {chosen}. Follow-up questions refine this reading.
        </p>
      )}
      <AnswerMeta answer={answer} />
      <FeedbackBar answer={answer} />
    </article>
  );
}

function NotAnswered({ answer, onSuggestion, busy }: { answer: Answer; onSuggestion: (q: string) => void; busy?: boolean }) {
  const refused = answer.status === 'refused';
  return (
    <article
      className={`answer answer-not ${refused ? 'answer-refused' : 'answer-unanswerable'}`}
      data-testid="answer"
      data-status={answer.status}
      aria-label={`Answer: ${answer.question}`}
    >
      <div className={`callout ${refused ? 'callout-bad' : 'callout-warn'}`} role="note" data-testid="answer-status-callout">
        <div className="callout-icon" aria-hidden="true">
          {refused ? '⛔' : '?'}
        </div>
        <div>
          <div className="callout-title">{refused ? 'Question refused' : 'Can’t answer this from the claims data'}</div>
          <p className="callout-text">{answer.explanation}</p>
        </div>
      </div>
      <AnswerMeta answer={answer} />
      <SuggestionChips suggestions={answer.suggestions} onPick={onSuggestion} disabled={busy} label="Questions you can ask instead" />
      <FeedbackBar answer={answer} />
    </article>
  );
}
