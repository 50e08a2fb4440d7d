import { useQuery } from '@tanstack/react-query';
import { ApiError, api, apiFetch } from '@/lib/api-client';
import { readSseStream } from '@/lib/sse';
import type { Answer, AskExamples, AskRequest, ApiErrorBody, Conversation, TraceStep } from '@/types/api';

export function fetchExamples(signal?: AbortSignal): Promise<AskExamples> {
  return api.get<AskExamples>('/api/ask/examples', signal);
}

export function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  return api.get<Conversation>(`/api/conversations/${encodeURIComponent(id)}`, signal);
}

export function ask(req: AskRequest, signal?: AbortSignal): Promise<Answer> {
  return api.post<Answer>('/api/ask', req, { signal });
}

export interface StreamAskOptions {
  onTrace?: (step: TraceStep) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/ask/stream: calls onTrace for every `trace` event and resolves with the `answer`
 * event's object; an `error` event rejects with an ApiError. A server that answers plain JSON
 * instead of a stream is accepted too.
 */
export async function streamAsk(req: AskRequest, opts: StreamAskOptions = {}): Promise<Answer> {
  const res = await apiFetch('/api/ask/stream', {
    method: 'POST',
    body: req,
    signal: opts.signal,
    headers: { Accept: 'text/event-stream' },
  });
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('application/json') || !res.body) {
    const answer = (await res.json()) as Answer;
    answer.trace?.forEach((s) => opts.onTrace?.(s));
    return answer;
  }
  let answer: Answer | undefined;
  let failure: ApiError | undefined;
  await readSseStream(
    res.body,
    (ev) => {
      let payload: unknown;
      try {
        payload = JSON.parse(ev.data);
      } catch {
        return; // not JSON: ignore (keep-alives and the like)
      }
      if (ev.event === 'trace') opts.onTrace?.(payload as TraceStep);
      else if (ev.event === 'answer') answer = payload as Answer;
      else if (ev.event === 'error') {
        const e = (payload as Partial<ApiErrorBody>).error;
        failure = new ApiError(500, e?.code ?? 'ERROR', e?.message ?? 'The question could not be answered.');
      }
    },
    opts.signal,
  );
  if (failure) throw failure;
  if (!answer) throw new ApiError(0, 'STREAM_ENDED', 'The answer stream ended before an answer arrived.');
  return answer;
}

export function useAskExamples() {
  return useQuery({
    queryKey: ['ask', 'examples'],
    queryFn: ({ signal }) => fetchExamples(signal),
    staleTime: 10 * 60_000,
  });
}

export function useConversation(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['conversation', id],
    queryFn: ({ signal }) => fetchConversation(id!, signal),
    enabled: !!id && enabled,
    staleTime: Infinity,
  });
}
