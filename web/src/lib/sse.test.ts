import { createSseParser, readSseStream, type SseEvent } from './sse';

function parseChunks(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  chunks.forEach((c) => p.feed(c));
  p.end();
  return out;
}

const STREAM =
  'event: trace\ndata: {"agent":"router","summary":"analytics","ms":3}\n\n' +
  ': keep-alive comment\n\n' +
  'event: trace\ndata: {"agent":"planner","summary":"plan","ms":5}\n\n' +
  'event: answer\ndata: {"answer_id":"a1",\ndata: "status":"ok"}\n\n';

describe('createSseParser', () => {
  it('parses named events, joins multi-line data and skips comments', () => {
    const events = parseChunks([STREAM]);
    expect(events.map((e) => e.event)).toEqual(['trace', 'trace', 'answer']);
    expect(JSON.parse(events[0].data)).toEqual({ agent: 'router', summary: 'analytics', ms: 3 });
    expect(events[2].data).toBe('{"answer_id":"a1",\n"status":"ok"}');
    expect(JSON.parse(events[2].data)).toEqual({ answer_id: 'a1', status: 'ok' });
  });

  it('gives the same events however the stream is split, even mid-field and mid-line', () => {
    const whole = parseChunks([STREAM]);
    for (let size = 1; size <= 17; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < STREAM.length; i += size) chunks.push(STREAM.slice(i, i + size));
      expect(parseChunks(chunks)).toEqual(whole);
    }
    // Split between the two newlines that end the first event, then inside the next "event: tr|ace".
    const cut2 = STREAM.indexOf('\n\n') + 1;
    const cut = STREAM.indexOf('ace', cut2);
    expect(parseChunks([STREAM.slice(0, cut2), STREAM.slice(cut2, cut), STREAM.slice(cut)])).toEqual(whole);
  });

  it('handles CRLF and CR line ends, including a CRLF split across chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    expect(parseChunks([crlf])).toEqual(parseChunks([STREAM]));
    const at = crlf.indexOf('\r\n') + 1; // split between \r and \n
    expect(parseChunks([crlf.slice(0, at), crlf.slice(at)])).toEqual(parseChunks([STREAM]));
    expect(parseChunks([STREAM.replace(/\n/g, '\r')])).toEqual(parseChunks([STREAM]));
  });

  it('defaults the event name to "message", strips one leading space, reads id', () => {
    const events = parseChunks(['id: 7\ndata:  two spaces\n\ndata\n\n']);
    expect(events).toEqual([
      { event: 'message', data: ' two spaces', id: '7' },
      { event: 'message', data: '', id: '7' },
    ]);
  });

  it('dispatches a last event that lacks the closing blank line at end of stream', () => {
    const events = parseChunks(['event: answer\ndata: {"x":1}']);
    expect(events).toEqual([{ event: 'answer', data: '{"x":1}', id: undefined }]);
  });

  it('ignores events without data', () => {
    expect(parseChunks(['event: trace\n\n'])).toEqual([]);
  });
});

describe('readSseStream', () => {
  it('decodes UTF-8 split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('event: trace\ndata: {"summary":"Größe – ✓"}\n\n');
    const split = bytes.indexOf(0xc3) + 1; // inside the two-byte "ö"
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, split));
        c.enqueue(bytes.slice(split, split + 3));
        c.enqueue(bytes.slice(split + 3));
        c.close();
      },
    });
    const events: SseEvent[] = [];
    await readSseStream(stream, (e) => events.push(e));
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].data).summary).toBe('Größe – ✓');
  });
});
