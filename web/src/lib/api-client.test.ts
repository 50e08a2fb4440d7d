import { json, signInAs, stubFetch } from '@/test/render';
import { ApiError, api, parseJson, qs } from './api-client';
import { getSession } from './session';

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends the bearer token and parses JSON', async () => {
    signInAs('analyst');
    const { calls } = stubFetch({ 'GET /api/me': () => json({ username: 'analyst', role: 'analyst' }) });
    await expect(api.get('/api/me')).resolves.toEqual({ username: 'analyst', role: 'analyst' });
    expect(calls[0].headers.get('Authorization')).toBe('Bearer tok-analyst');
  });

  it('turns the contract error body into a typed ApiError', async () => {
    signInAs('analyst');
    stubFetch({ 'POST /api/sql': () => json({ error: { code: 'SQL_REFUSED', message: 'Only SELECT is allowed' } }, 422) });
    const err = await api.post('/api/sql', { sql: 'DROP TABLE x' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'SQL_REFUSED', message: 'Only SELECT is allowed' });
    expect(getSession()).not.toBeNull();
  });

  it('signs out on 401', async () => {
    signInAs('business');
    stubFetch({ 'GET /api/tables': () => json({ error: { code: 'UNAUTHORIZED', message: 'token expired' } }, 401) });
    await expect(api.get('/api/tables')).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toBeNull();
  });

  it('falls back to a readable message when the body is not JSON', async () => {
    stubFetch({ 'GET /api/health': () => new Response('oops', { status: 503 }) });
    await expect(api.get('/api/health')).rejects.toMatchObject({ status: 503, code: 'HTTP_503' });
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/api/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('keeps 64-bit snapshot ids exact', () => {
    const parsed = parseJson<{ snapshots: { snapshot_id: unknown; parent_id: unknown }[]; n: number }>(
      '{"snapshots":[{"snapshot_id": 7548123456789012345, "parent_id":42}], "n": 7548123456789012345}',
    );
    expect(parsed.snapshots[0].snapshot_id).toBe('7548123456789012345');
    expect(parsed.snapshots[0].parent_id).toBe(42);
    expect(typeof parsed.n).toBe('number'); // other fields untouched
  });

  it('builds query strings from defined values only', () => {
    expect(qs({ a: 1, b: null, c: undefined, d: '', e: 'x y' })).toBe('?a=1&e=x+y');
    expect(qs({})).toBe('');
  });
});
