import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '@/lib/api-client';
import type {
  CancelRunResponse,
  QuarantineResponse,
  RunDetail,
  RunsResponse,
  ScheduleStatus,
  SourcesResponse,
  StartRunResponse,
} from '@/types/api';

export const fetchRuns = (limit = 20, signal?: AbortSignal) =>
  api.get<RunsResponse>(`/api/pipeline/runs${qs({ limit })}`, signal);
export const fetchRun = (id: string, signal?: AbortSignal) =>
  api.get<RunDetail>(`/api/pipeline/runs/${encodeURIComponent(id)}`, signal);
export const fetchSources = (signal?: AbortSignal) => api.get<SourcesResponse>('/api/pipeline/sources', signal);
export const startRun = () => api.post<StartRunResponse>('/api/pipeline/runs', {});
export const resumeRun = (id: string) => api.post<StartRunResponse>(`/api/pipeline/runs/${encodeURIComponent(id)}/resume`, {});
export const cancelRun = (id: string) => api.post<CancelRunResponse>(`/api/pipeline/runs/${encodeURIComponent(id)}/cancel`, {});
export const fetchSchedule = (signal?: AbortSignal) => api.get<ScheduleStatus>('/api/pipeline/schedule', signal);
export const fetchQuarantine = (
  p: { batch_id?: string | null; payer?: string | null; limit?: number },
  signal?: AbortSignal,
) => api.get<QuarantineResponse>(`/api/pipeline/quarantine${qs({ batch_id: p.batch_id, payer: p.payer, limit: p.limit ?? 20 })}`, signal);

/**
 * When a resume or cancel was accepted, per run: the server acts in the background, so the run is
 * polled for a while even though it still reads as cancelled/failed.
 */
const actedAt = new Map<string, number>();
const ACTION_POLL_MS = 15_000;
const recentlyActed = (id: string | null | undefined) => !!id && Date.now() - (actedAt.get(id) ?? 0) < ACTION_POLL_MS;

export function useRuns(limit = 20) {
  return useQuery({
    queryKey: ['pipeline', 'runs', limit],
    queryFn: ({ signal }) => fetchRuns(limit, signal),
    refetchInterval: (q) =>
      q.state.data?.runs.some((r) => r.state === 'RUNNING' || recentlyActed(r.run_id)) ? 2000 : false,
  });
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: ['pipeline', 'run', id],
    queryFn: ({ signal }) => fetchRun(id!, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.state === 'RUNNING' || recentlyActed(id) ? 1500 : false),
  });
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pipeline', 'runs'] }),
  });
}

export function useQuarantine(batchId: string | null, payer: string | null, enabled: boolean, limit = 20) {
  return useQuery({
    queryKey: ['pipeline', 'quarantine', batchId, payer, limit],
    queryFn: ({ signal }) => fetchQuarantine({ batch_id: batchId, payer, limit }, signal),
    enabled,
  });
}

export function useSources() {
  return useQuery({ queryKey: ['pipeline', 'sources'], queryFn: ({ signal }) => fetchSources(signal), staleTime: 60_000 });
}

/** Resume (a failed or cancelled run) or cancel (a running one); refreshes the runs and that run afterwards. */
export function useRunAction(action: 'resume' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => (action === 'resume' ? resumeRun(id) : cancelRun(id)),
    onSuccess: (_d, id) => void actedAt.set(id, Date.now()),
    onSettled: (_d, _e, id) => {
      qc.invalidateQueries({ queryKey: ['pipeline', 'runs'] });
      qc.invalidateQueries({ queryKey: ['pipeline', 'run', id] });
      qc.invalidateQueries({ queryKey: ['pipeline', 'schedule'] });
    },
  });
}

/** The server's scheduler; polled while it is on so the next run time and the queue stay current. */
export function useSchedule() {
  return useQuery({
    queryKey: ['pipeline', 'schedule'],
    queryFn: ({ signal }) => fetchSchedule(signal),
    refetchInterval: (q) => (q.state.data?.enabled ? 15_000 : false),
  });
}
