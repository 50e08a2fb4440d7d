import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '@/lib/api-client';
import type { RunningQuery, SqlRequest, SqlResult } from '@/types/api';

export const runSql = (req: SqlRequest, signal?: AbortSignal) => api.post<SqlResult>('/api/sql', req, { signal });

export const cancelQuery = (queryId: string) => api.delete<RunningQuery>(`/api/queries/${encodeURIComponent(queryId)}`);

const newQueryId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Runs SQL under a query id chosen here, so the page can cancel it (`cancel()`); leaving the page aborts the
 * request, and the server cancels a query whose client went away.
 */
export function useRunSql() {
  const running = useRef<{ id: string; abort: AbortController } | null>(null);
  useEffect(() => () => running.current?.abort.abort(), []);
  const mutation = useMutation({
    mutationFn: async (req: SqlRequest) => {
      const current = { id: newQueryId(), abort: new AbortController() };
      running.current = current;
      try {
        return await runSql({ ...req, query_id: current.id }, current.abort.signal);
      } finally {
        if (running.current === current) running.current = null;
      }
    },
  });
  const cancel = async () => {
    const current = running.current;
    if (current) await cancelQuery(current.id).catch(() => undefined); // already finished: nothing to cancel
  };
  return { ...mutation, cancel };
}
