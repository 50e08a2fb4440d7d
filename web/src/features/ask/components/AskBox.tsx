import { useState, type FormEvent, type KeyboardEvent } from 'react';

export interface AskBoxProps {
  onAsk: (q: string) => void;
  busy?: boolean;
  followUp?: boolean;
}

export function AskBox({ onAsk, busy, followUp }: AskBoxProps) {
  const [q, setQ] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const v = q.trim();
    if (!v || busy) return;
    onAsk(v);
    setQ('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form className="ask-box" onSubmit={submit} role="search" aria-label="Ask a question">
      <textarea
        aria-label="Question"
        placeholder={followUp ? 'Ask a follow-up…' : 'Ask about claims, payers, denials, providers…'}
        value={q}
        rows={2}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        maxLength={1000}
      />
      <button type="submit" className="btn btn-primary" disabled={busy || !q.trim()}>
        {busy ? 'Answering…' : 'Ask'}
      </button>
    </form>
  );
}
