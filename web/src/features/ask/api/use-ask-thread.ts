import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Answer, TraceStep } from '@/types/api';
import { streamAsk } from './ask';

export interface Turn {
  key: string;
  question: string;
  state: 'streaming' | 'done' | 'error';
  trace: TraceStep[];
  answer?: Answer;
  error?: unknown;
}

type Action =
  | { type: 'start'; key: string; question: string }
  | { type: 'trace'; key: string; step: TraceStep }
  | { type: 'answer'; key: string; answer: Answer }
  | { type: 'error'; key: string; error: unknown }
  | { type: 'load'; answers: Answer[] }
  | { type: 'reset' };

export function threadReducer(turns: Turn[], a: Action): Turn[] {
  switch (a.type) {
    case 'start':
      return [...turns, { key: a.key, question: a.question, state: 'streaming', trace: [] }];
    case 'trace':
      return turns.map((t) => (t.key === a.key ? { ...t, trace: [...t.trace, a.step] } : t));
    case 'answer':
      return turns.map((t) =>
        t.key === a.key
          ? { ...t, state: 'done', answer: a.answer, trace: a.answer.trace?.length ? a.answer.trace : t.trace }
          : t,
      );
    case 'error':
      return turns.map((t) => (t.key === a.key ? { ...t, state: 'error', error: a.error } : t));
    case 'load':
      return a.answers.map((ans) => ({
        key: ans.answer_id,
        question: ans.question,
        state: 'done',
        trace: ans.trace ?? [],
        answer: ans,
      }));
    case 'reset':
      return [];
  }
}

let seq = 0;

/** A conversation thread: each ask streams into a new turn; follow-ups carry the conversation id. */
export function useAskThread() {
  const [turns, dispatch] = useReducer(threadReducer, []);
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops a stream that is still running.
  useEffect(() => () => controller.current?.abort(), []);

  const conversationId = [...turns].reverse().find((t) => t.answer?.conversation_id)?.answer?.conversation_id;

  const mutation = useMutation({
    mutationFn: async ({ key, question, conversation_id }: { key: string; question: string; conversation_id?: string }) => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      dispatch({ type: 'start', key, question });
      try {
        const answer = await streamAsk(
          { question, ...(conversation_id ? { conversation_id } : {}) },
          { signal: ac.signal, onTrace: (step) => dispatch({ type: 'trace', key, step }) },
        );
        dispatch({ type: 'answer', key, answer });
        return answer;
      } catch (error) {
        dispatch({ type: 'error', key, error });
        throw error;
      }
    },
  });

  const askQuestion = useCallback(
    (question: string) => {
      const q = question.trim();
      if (!q) return;
      mutation.mutate({ key: `turn-${++seq}`, question: q, conversation_id: conversationId });
    },
    [mutation, conversationId],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    dispatch({ type: 'reset' });
  }, []);

  const load = useCallback((answers: Answer[]) => dispatch({ type: 'load', answers }), []);

  return { turns, conversationId, askQuestion, reset, load, pending: mutation.isPending };
}
