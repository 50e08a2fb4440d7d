import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '@/lib/api-client';
import type { FeedbackRequest, MissedReport, VerifiedAnswer } from '@/types/api';

export const verifyAnswer = (answer_id: string, note?: string) =>
  api.post<VerifiedAnswer>('/api/verified', { answer_id, ...(note ? { note } : {}) });
export const fetchVerified = (signal?: AbortSignal) => api.get<{ verified: VerifiedAnswer[] }>('/api/verified', signal);
export const editVerified = (id: string, question: string, note: string | null) =>
  api.patch<VerifiedAnswer>(`/api/verified/${encodeURIComponent(id)}`, { question, note });
export const removeVerified = (id: string) => api.delete<void>(`/api/verified/${encodeURIComponent(id)}`);
export const sendFeedback = (req: FeedbackRequest) => api.post<{ answer_id: string; rating: string }>('/api/feedback', req);
export const fetchMissed = (limit = 1000, signal?: AbortSignal) =>
  api.get<MissedReport>(`/api/feedback/missed${qs({ limit })}`, signal);

export function useVerified() {
  return useQuery({ queryKey: ['verified'], queryFn: ({ signal }) => fetchVerified(signal) });
}

export function useMissed() {
  return useQuery({ queryKey: ['missed'], queryFn: ({ signal }) => fetchMissed(1000, signal), refetchInterval: 30_000 });
}

export function useVerifiedMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['verified'] });
  return {
    verify: useMutation({ mutationFn: (v: { answerId: string; note?: string }) => verifyAnswer(v.answerId, v.note), onSuccess: done }),
    edit: useMutation({ mutationFn: (v: { id: string; question: string; note: string | null }) => editVerified(v.id, v.question, v.note), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => removeVerified(id), onSuccess: done }),
  };
}
