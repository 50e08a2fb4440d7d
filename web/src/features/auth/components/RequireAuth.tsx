import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@/types/api';
import { useSession } from '../api/auth';

/** Renders its children only for a signed-in user; otherwise goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const from = location.pathname + location.search;
    return <Navigate to={`/login${from && from !== '/' ? `?from=${encodeURIComponent(from)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/** Renders its children only for the given roles; others are sent to the Ask page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  if (!session || !roles.includes(session.role)) return <Navigate to="/ask" replace state={{ denied: true }} />;
  return <>{children}</>;
}
