import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { canUseSql, useSession } from '@/features/auth/api/auth';
import type { Answer } from '@/types/api';
import { sendFeedback, verifyAnswer } from '../api/learning';

/** "Verified by NAME on DATE" when an analyst or admin verified this answer's semantic query. */
export function VerifiedBadge({ answer }: { answer: Answer }) {
  const v = answer.verified;
  if (!v) return null;
  const date = new Date(v.verified_at).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (
    <div className="verified-mark" data-testid="verified-mark" title={v.note ?? undefined}>
      <Badge tone="good">✓ Verified</Badge> Verified by <strong>{v.verified_by}</strong> on {date}
      {v.note && <span className="muted small"> — {v.note}</span>}
    </div>
  );
}

/** One line per note on what the figure leaves out; analysts get a link to the counting SQL. */
export function AnswerNotes({ answer }: { answer: Answer }) {
  const session = useSession();
  if (!answer.notes?.length) return null;
  return (
    <ul className="answer-notes" aria-label="What this figure leaves out">
      {answer.notes.map((n) => (
        <li key={n.kind + n.text} data-testid={`note-${n.kind}`} className={`answer-note note-${n.kind}`}>
          {n.text}
          {n.link && canUseSql(session?.role) && (
            <>
              {' '}
              <Link to={n.link} className="small">
                see the rows' SQL
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Analysts and admins mark an answer compiled by the semantic layer verified, with an optional note. */
export function VerifyControl({ answer }: { answer: Answer }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canUseSql(session?.role) || answer.status !== 'ok' || answer.engine !== 'semantic') return null;
  if (done || (answer.verified && answer.verified.verified_by === session?.username && !open)) {
    return done ? <span className="muted small" data-testid="verify-done">Marked verified</span> : null;
  }
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(true)}>
        Mark verified
      </button>
    );
  }
  return (
    <form
      className="verify-form"
      onSubmit={(e) => {
        e.preventDefault();
        setPending(true);
        verifyAnswer(answer.answer_id, note.trim() || undefined)
          .then(() => setDone(true))
          .catch((err: Error) => setError(err.message))
          .finally(() => setPending(false));
      }}
    >
      <input aria-label="Verification note" placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="btn btn-sm" disabled={pending}>
        Verify answer
      </button>
      {error && <span className="error-text small">{error}</span>}
    </form>
  );
}

/** Thumbs up / down and an optional comment, on every answer. */
export function FeedbackBar({ answer }: { answer: Answer }) {
  const [rating, setRating] = useState<'up' | 'down' | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const send = async (r: 'up' | 'down', c?: string) => {
    setRating(r);
    setState('sending');
    try {
      await sendFeedback({ answer_id: answer.answer_id, rating: r, ...(c ? { comment: c } : {}) });
      setState('sent');
    } catch (e) {
      setState('error');
      setError((e as Error).message);
    }
  };
  return (
    <div className="feedback-bar" role="group" aria-label="Was this answer right?">
      <span className="muted small">Was this right?</span>
      <button type="button" className={`btn btn-ghost btn-sm${rating === 'up' ? ' active' : ''}`} aria-pressed={rating === 'up'}
        aria-label="Thumbs up" onClick={() => send('up')}>
        <Thumb />
      </button>
      <button type="button" className={`btn btn-ghost btn-sm${rating === 'down' ? ' active' : ''}`} aria-pressed={rating === 'down'}
        aria-label="Thumbs down" onClick={() => send('down')}>
        <Thumb down />
      </button>
      {rating === 'down' && (
        <form className="feedback-comment" onSubmit={(e) => { e.preventDefault(); void send('down', comment.trim()); }}>
          <input aria-label="What was wrong?" placeholder="What was wrong? (optional)" value={comment}
            onChange={(e) => setComment(e.target.value)} />
          <button type="submit" className="btn btn-sm">Send</button>
        </form>
      )}
      {state === 'sent' && <span className="muted small" data-testid="feedback-sent">Thanks, noted.</span>}
      {state === 'error' && <span className="error-text small">{error}</span>}
    </div>
  );
}

/** A thumb icon drawn as SVG (no emoji font needed). */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round"
      strokeLinejoin="round" aria-hidden="true" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path d="M7 10v11H4V10zM7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.3 8A2 2 0 0 1 18.2 21H7" />
    </svg>
  );
}
