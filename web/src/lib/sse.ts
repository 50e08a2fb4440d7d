/**
 * Server-Sent Events parser for a POST response read with fetch() (EventSource can only GET).
 * Follows the WHATWG event-stream rules: lines end in LF, CRLF or CR; `event:` names the event,
 * `data:` lines are joined with LF, `id:`/`retry:` are read, lines starting with `:` are comments,
 * a blank line dispatches. Chunks may split anywhere, even inside a CRLF or a multi-byte character.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feed the next decoded text chunk. */
  feed(chunk: string): void;
  /** End of stream: a final event without a trailing blank line is dispatched too. */
  end(): void;
}

export function createSseParser(onEvent: (e: SseEvent) => void): SseParser {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let hasData = false;
  let lastId: string | undefined;
  let pendingCR = false; // the previous chunk ended in CR: a leading LF belongs to it

  const dispatch = () => {
    if (hasData) onEvent({ event: eventName || 'message', data: data.join('\n'), id: lastId });
    eventName = '';
    data = [];
    hasData = false;
  };

  const line = (l: string) => {
    if (l === '') return dispatch();
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon === -1 ? l : l.slice(0, colon);
    let value = colon === -1 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventName = value;
        break;
      case 'data':
        data.push(value);
        hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) lastId = value;
        break;
      default: // `retry` and unknown fields are ignored
        break;
    }
  };

  return {
    feed(chunk: string) {
      if (pendingCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
      pendingCR = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' || c === '\r') {
          line(buffer.slice(start, i));
          if (c === '\r') {
            if (i + 1 < buffer.length) {
              if (buffer[i + 1] === '\n') i++;
            } else {
              pendingCR = true;
            }
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer !== '') line(buffer);
      buffer = '';
      dispatch();
    },
  };
}

/** Reads a byte stream to its end, calling onEvent for every event. */
export async function readSseStream(
  stream: ReadableStream<Uint8Array>,
  onEvent: (e: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = createSseParser(onEvent);
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    parser.end();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
