import { useQuery } from '@tanstack/react-query';
import { api, qs } from '@/lib/api-client';
import type { AuditResponse } from '@/types/api';

export const fetchAudit = (limit = 100, signal?: AbortSignal) => api.get<AuditResponse>(`/api/audit${qs({ limit })}`, signal);

export function useAudit(limit = 100) {
  return useQuery({ queryKey: ['audit', limit], queryFn: ({ signal }) => fetchAudit(limit, signal), refetchInterval: 30_000 });
}
