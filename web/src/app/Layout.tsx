import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Loading } from '@/components/ui';
import { useLogout, useMe, useSession } from '@/features/auth/api/auth';
import { Logo } from '@/components/Logo';
import { api } from '@/lib/api-client';
import type { Health, Role } from '@/types/api';
import { navFor } from './nav';

const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', analyst: 'Analyst', business: 'Business' };

export function Layout() {
  const session = useSession();
  const logout = useLogout();
  const location = useLocation();
  useMe(!!session);
  const denied = (location.state as { denied?: boolean } | null)?.denied;

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <Logo size={28} />
          <span className="brand-name">MedFlow</span>
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {navFor(session?.role).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}>
                  <NavIcon name={n.icon} />
                  <span>{n.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <HealthDot />
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-spacer" />
          {session && (
            <div className="user-box">
              <span className="user-avatar" aria-hidden="true">
                {session.username.slice(0, 1).toUpperCase()}
              </span>
              <span className="user-name" data-testid="user-name">
                {session.username}
              </span>
              <span className={`role-badge role-${session.role}`} data-testid="user-role">
                {ROLE_LABEL[session.role] ?? session.role}
              </span>
              <button type="button" className="btn btn-ghost btn-sm" onClick={logout}>
                Log out
              </button>
            </div>
          )}
        </header>
        <main className="content" id="main">
          {denied && (
            <div className="alert alert-warn" role="alert">
              That page is not available for your role.
            </div>
          )}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function HealthDot() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<Health>('/api/health', signal),
    refetchInterval: 60_000,
    retry: false,
  });
  const status = health.isError ? 'down' : (health.data?.status ?? 'unknown');
  const deps = health.data?.dependencies ?? {};
  const title = Object.entries(deps)
    .map(([k, v]) => `${k}: ${v.status}`)
    .join('\n');
  return (
    <div className="health" title={title || undefined} data-testid="health">
      <span className={`dot dot-${status}`} aria-hidden="true" />
      <span className="small">
        Server {status === 'ok' ? 'healthy' : status}
        {health.data?.version ? ` · v${health.data.version}` : ''}
        {health.data?.engine ? <span data-testid="query-engine">{` · ${health.data.engine} engine`}</span> : null}
      </span>
    </div>
  );
}

function NavIcon({ name }: { name: string }) {
  const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true };
  switch (name) {
    case 'ask':
      return (
        <svg {...common}>
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
          <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14M12 17h.01" />
        </svg>
      );
    case 'data':
      return (
        <svg {...common}>
          <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
          <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
        </svg>
      );
    case 'pipeline':
      return (
        <svg {...common}>
          <rect x="3" y="4" width="6" height="5" rx="1" />
          <rect x="15" y="4" width="6" height="5" rx="1" />
          <rect x="9" y="15" width="6" height="5" rx="1" />
          <path d="M9 6.5h6M6 9v3.5h6V15M18 9v3.5h-6" />
        </svg>
      );
    case 'sql':
      return (
        <svg {...common}>
          <path d="M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M9 4h6l1 2h3v14H5V6h3z" />
          <path d="M9 11h6M9 15h4" />
        </svg>
      );
  }
}
