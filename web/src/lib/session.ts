import type { Role } from '@/types/api';

/** The signed-in user's session. Kept in sessionStorage: it lives as long as the browser tab. */
export interface Session {
  token: string;
  username: string;
  role: Role;
  expires_at: string;
}

const KEY = 'medflow.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (!s.token || !s.role) return null;
    if (s.expires_at && Date.parse(s.expires_at) < Date.now()) {
      window.sessionStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  if (current === undefined) current = read();
  return current;
}

export function setSession(s: Session | null): void {
  current = s;
  try {
    if (s) window.sessionStorage.setItem(KEY, JSON.stringify(s));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable: keep the session in memory only */
  }
  listeners.forEach((l) => l());
}

export function clearSession(): void {
  setSession(null);
}

export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
