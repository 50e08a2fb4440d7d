import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setSession } from '@/lib/session';
import type { Role } from '@/types/api';

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderWithProviders(ui: ReactElement, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  const qc = testQueryClient();
  return {
    qc,
    ...render(
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={ui} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    ),
  };
}

export function signInAs(role: Role, username: string = role) {
  setSession({ token: `tok-${role}`, role, username, expires_at: new Date(Date.now() + 3600_000).toISOString() });
}

/** A fetch stub that routes by "METHOD path" to handlers; unknown routes answer 404. */
export type Handler = (req: Request) => Response | Promise<Response>;
export function stubFetch(routes: Record<string, Handler>) {
  const calls: Request[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // jsdom's AbortSignal is not the one Node's Request accepts; the stubs don't need it.
    const req = new Request(new URL(String(input), 'http://localhost'), { ...init, signal: undefined });
    calls.push(req);
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    const h = routes[key];
    if (!h) return json({ error: { code: 'NOT_FOUND', message: `no route ${key}` } }, 404);
    return h(req);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A text/event-stream response whose events the test pushes one at a time. */
export function controllableSse() {
  const enc = new TextEncoder();
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
  return {
    response: new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } }),
    send(event: string, data: unknown) {
      ctrl.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    raw(text: string) {
      ctrl.enqueue(enc.encode(text));
    },
    close() {
      ctrl.close();
    },
  };
}
