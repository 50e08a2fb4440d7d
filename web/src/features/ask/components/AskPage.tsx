import type { Turn } from '../api/use-ask-thread';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '@/components/ui';
import { useSession } from '@/features/auth/api/auth';
import { useAskExamples, useConversation } from '../api/ask';
import { useAskThread } from '../api/use-ask-thread';
import { AskBox } from './AskBox';
import { SuggestionChips } from './SuggestionChips';
import { TurnView } from './TurnView';

const FALLBACK_EXAMPLES = [
  'What is the denial rate by payer?',
  'How has the monthly claim volume changed over time?',
  'Which providers have the highest denial rates?',
  'What is the average processing time by payer?',
];

export default function AskPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const { turns, conversationId, askQuestion, reset, load, pending } = useAskThread();
  const initialConversation = useRef(params.get('c'));
  const endRef = useRef<HTMLDivElement>(null);
  const examples = useAskExamples();
  const restored = useConversation(initialConversation.current, turns.length === 0);

  // Reopen a conversation from the URL (?c=...) once.
  useEffect(() => {
    if (restored.data && turns.length === 0) load(restored.data.answers);
  }, [restored.data]);

  // Keep the URL pointing at the conversation, so a reload or a shared link shows the thread.
  useEffect(() => {
    if (conversationId && params.get('c') !== conversationId) {
      setParams({ c: conversationId }, { replace: true });
    }
  }, [conversationId, params, setParams]);

  // Follow the newest turn.
  const last = turns[turns.length - 1];
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'end' });
  }, [turns.length, last?.state]);

  const sqlOpen = session?.role !== 'business';
  const exampleList = examples.data?.examples?.length ? examples.data.examples : FALLBACK_EXAMPLES;

  const newConversation = () => {
    reset();
    initialConversation.current = null;
    setParams({}, { replace: true });
  };

  return (
    <div className="ask-page">
      <div className="page-header">
        <div>
          <h1>Ask</h1>
          <p className="muted">Ask a question in plain English; MedFlow’s agents write the SQL, run it and explain the result.</p>
        </div>
        {turns.length > 0 && (
          <div className="page-actions">
            <button type="button" className="btn btn-ghost" onClick={newConversation} disabled={pending}>
              New conversation
            </button>
          </div>
        )}
      </div>

      {turns.length === 0 && (
        <div className="ask-hero card">
          <AskBox onAsk={askQuestion} busy={pending} />
          {restored.isLoading ? (
            <Loading label="Loading conversation…" />
          ) : (
            <>
              {restored.error && <ErrorAlert error={restored.error} title="Could not reopen the conversation" />}
              <SuggestionChips suggestions={exampleList} onPick={askQuestion} disabled={pending} label="Try an example" />
            </>
          )}
        </div>
      )}

      {turns.length > 0 && (
        <div className="thread" aria-label="Conversation">
          {turns.map((t, i) => (
            <TurnView
              key={t.key}
              turn={t}
              index={i}
              latest={i === turns.length - 1}
              chosen={chosenReading(t, turns[i + 1])}
              onSuggestion={askQuestion}
              sqlOpen={sqlOpen}
              busy={pending}
            />
          ))}
          <div ref={endRef} />
          <div className="ask-follow card">
            <AskBox onAsk={askQuestion} busy={pending} followUp />
          </div>
        </div>
      )}
    </div>
  );
}

/** The reading of a clarification that the next turn asked, if it asked one. */
function chosenReading(t: Turn, next: Turn | undefined): string | undefined {
  const readings = t.answer?.status === 'clarify' ? (t.answer.clarifications ?? t.answer.suggestions) : [];
  return next && readings.includes(next.question) ? next.question : undefined;
}
