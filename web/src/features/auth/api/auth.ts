import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '@/lib/api-client';
import { clearSession, getSession, setSession, subscribeSession, type Session } from '@/lib/session';
import type { LoginRequest, LoginResponse, Me, Role } from '@/types/api';

export function login(req: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', req, { skipAuthRedirect: true });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/api/me', signal);
}

/** The current session (null when signed out); re-renders on sign-in, sign-out and 401. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res, req) => {
      qc.clear();
      setSession({
        token: res.token,
        role: res.role,
        username: res.username ?? req.username,
        expires_at: res.expires_at,
      });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return () => {
    clearSession();
    qc.clear();
  };
}

/** Confirms the stored token with the server (a 401 signs out through the api client). */
export function useMe(enabled: boolean) {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => fetchMe(signal), enabled, staleTime: 5 * 60_000 });
}

export const canUseSql = (role: Role | undefined | null) => role === 'analyst' || role === 'admin';
export const isAdmin = (role: Role | undefined | null) => role === 'admin';
export const canSeeQuarantine = canUseSql;
