import { controllableSse, json, signInAs, stubFetch } from '@/test/render';
import { makeAnswer } from '@/test/fixtures';
import type { TraceStep } from '@/types/api';
import { streamAsk } from './ask';

afterEach(() => vi.unstubAllGlobals());

describe('streamAsk', () => {
  it('posts the question, reports trace steps as they arrive and resolves with the answer', async () => {
    signInAs('analyst');
    const sse = controllableSse();
    const { calls } = stubFetch({ 'POST /api/ask/stream': () => sse.response });
    const steps: TraceStep[] = [];
    const done = streamAsk({ question: 'What is the denial rate by payer?', conversation_id: 'c9' }, { onTrace: (s) => steps.push(s) });

    sse.send('trace', { agent: 'router', summary: 'analytics', ms: 1 });
    // an event split over two network chunks
    sse.raw('event: trace\ndata: {"agent":"planner",');
    sse.raw('"summary":"plan","ms":2}\n\n');
    await vi.waitFor(() => expect(steps.map((s) => s.agent)).toEqual(['router', 'planner']));

    sse.send('answer', makeAnswer());
    sse.close();
    const answer = await done;
    expect(answer.answer_id).toBe('a1');
    expect(calls[0].headers.get('Authorization')).toBe('Bearer tok-analyst');
    expect(calls[0].headers.get('Accept')).toBe('text/event-stream');
    expect(await calls[0].json()).toEqual({ question: 'What is the denial rate by payer?', conversation_id: 'c9' });
  });

  it('rejects with the error event', async () => {
    const sse = controllableSse();
    stubFetch({ 'POST /api/ask/stream': () => sse.response });
    const done = streamAsk({ question: 'x' });
    sse.send('trace', { agent: 'router', summary: 'analytics', ms: 1 });
    sse.send('error', { error: { code: 'ENGINE_DOWN', message: 'The query engine is unavailable' } });
    sse.close();
    await expect(done).rejects.toMatchObject({ code: 'ENGINE_DOWN', message: 'The query engine is unavailable' });
  });

  it('rejects when the stream ends without an answer', async () => {
    const sse = controllableSse();
    stubFetch({ 'POST /api/ask/stream': () => sse.response });
    const done = streamAsk({ question: 'x' });
    sse.send('trace', { agent: 'router', summary: 'analytics', ms: 1 });
    sse.close();
    await expect(done).rejects.toMatchObject({ code: 'STREAM_ENDED' });
  });

  it('turns an HTTP error (rate limited) into an ApiError', async () => {
    stubFetch({ 'POST /api/ask/stream': () => json({ error: { code: 'RATE_LIMITED', message: 'Slow down' } }, 429) });
    await expect(streamAsk({ question: 'x' })).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('accepts a plain JSON answer too', async () => {
    stubFetch({ 'POST /api/ask/stream': () => json(makeAnswer()) });
    const steps: TraceStep[] = [];
    const a = await streamAsk({ question: 'x' }, { onTrace: (s) => steps.push(s) });
    expect(a.status).toBe('ok');
    expect(steps).toHaveLength(2);
  });
});
