import type { ApiErrorBody } from '@/types/api';
import { clearSession, getSession } from './session';

/** An error answered by the server (`{"error":{code,message}}`) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has ended. Please sign in again.',
  403: 'Your role is not allowed to do this.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  504: 'The query took too long and was cancelled.',
  422: 'The request could not be processed.',
  429: 'Too many requests. Please wait a moment.',
  503: 'A service MedFlow depends on is unavailable.',
};

/** Turns a failed response into an ApiError, reading the contract's JSON error body when present. */
export async function toApiError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = FALLBACK_MESSAGES[res.status] ?? `Request failed (${res.status}).`;
  try {
    const text = await res.text();
    if (text) {
      const body = JSON.parse(text) as Partial<ApiErrorBody>;
      if (body?.error) {
        code = body.error.code || code;
        message = body.error.message || message;
      }
    }
  } catch {
    /* not JSON: keep the fallback */
  }
  return new ApiError(res.status, code, message);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Don't sign out on 401 (the login call itself). */
  skipAuthRedirect?: boolean;
}

/**
 * fetch() with the bearer token. Returns the raw Response when it is ok (2xx); throws ApiError
 * otherwise. A 401 clears the session, which sends the app back to the login page.
 */
export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const session = getSession();
  if (session?.token) headers.Authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, signal: opts.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the MedFlow server.');
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.skipAuthRedirect && getSession()) clearSession();
    throw err;
  }
  return res;
}

// Iceberg snapshot ids are 64-bit and lose digits as JS numbers: keep long ones as strings.
const BIG_ID = /("(?:snapshot_id|parent_id|current_snapshot_id)"\s*:\s*)(-?\d{16,})/g;

/** JSON.parse that keeps snapshot ids beyond 2^53 exact (as strings). */
export function parseJson<T>(text: string): T {
  return JSON.parse(text.replace(BIG_ID, (m, key: string, digits: string) =>
    Number.isSafeInteger(Number(digits)) ? m : `${key}"${digits}"`,
  )) as T;
}

export async function apiJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? parseJson<T>(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiJson<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    apiJson<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiJson<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiJson<T>(path, { method: 'DELETE' }),
};

/** Builds a query string from the defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
