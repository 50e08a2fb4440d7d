import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '@/lib/api-client';
import type { SnapshotsResponse, TablePreview, TablesResponse } from '@/types/api';

const enc = encodeURIComponent;

export const fetchTables = (signal?: AbortSignal) => api.get<TablesResponse>('/api/tables', signal);
export const fetchSnapshots = (name: string, signal?: AbortSignal) =>
  api.get<SnapshotsResponse>(`/api/tables/${enc(name)}/snapshots`, signal);
export const fetchPreview = (name: string, snapshotId: string | null, limit = 50, signal?: AbortSignal) =>
  api.get<TablePreview>(`/api/tables/${enc(name)}/preview${qs({ snapshot_id: snapshotId, limit })}`, signal);

export function useTables() {
  return useQuery({ queryKey: ['tables'], queryFn: ({ signal }) => fetchTables(signal) });
}

export function useSnapshots(name: string | null) {
  return useQuery({
    queryKey: ['tables', name, 'snapshots'],
    queryFn: ({ signal }) => fetchSnapshots(name!, signal),
    enabled: !!name,
  });
}

export function usePreview(name: string | null, snapshotId: string | null, limit = 50) {
  return useQuery({
    queryKey: ['tables', name, 'preview', snapshotId ?? 'current', limit],
    queryFn: ({ signal }) => fetchPreview(name!, snapshotId, limit, signal),
    enabled: !!name,
    placeholderData: keepPreviousData,
  });
}
