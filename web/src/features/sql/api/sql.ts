import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SqlRequest, SqlResult } from '@/types/api';

export const runSql = (req: SqlRequest) => api.post<SqlResult>('/api/sql', req);

export function useRunSql() {
  return useMutation({ mutationFn: runSql });
}
