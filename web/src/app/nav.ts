import type { Role } from '@/types/api';

export interface NavItem {
  to: string;
  label: string;
  roles: Role[];
  icon: string;
}

/** The left navigation; each entry lists the roles that see it (the server enforces the same). */
export const NAV_ITEMS: NavItem[] = [
  { to: '/ask', label: 'Ask', roles: ['admin', 'analyst', 'business'], icon: 'ask' },
  { to: '/data', label: 'Data', roles: ['admin', 'analyst', 'business'], icon: 'data' },
  { to: '/pipeline', label: 'Pipeline', roles: ['admin', 'analyst', 'business'], icon: 'pipeline' },
  { to: '/sql', label: 'SQL', roles: ['admin', 'analyst'], icon: 'sql' },
  { to: '/verified', label: 'Verified', roles: ['admin', 'analyst'], icon: 'verified' },
  { to: '/feedback', label: 'Feedback', roles: ['admin'], icon: 'feedback' },
  { to: '/audit', label: 'Audit', roles: ['admin'], icon: 'audit' },
];

export function navFor(role: Role | undefined | null): NavItem[] {
  return role ? NAV_ITEMS.filter((n) => n.roles.includes(role)) : [];
}
