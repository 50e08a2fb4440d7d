/** Chart colours: one accessible categorical palette used everywhere. */
export const PALETTE = ['#2563eb', '#0d9488', '#f59e0b', '#db2777', '#7c3aed', '#16a34a', '#ea580c', '#0891b2', '#64748b', '#b91c1c', '#4f46e5', '#65a30d'];

export const STATE_COLORS: Record<string, string> = {
  SUCCEEDED: '#16a34a',
  RUNNING: '#2563eb',
  PENDING: '#94a3b8',
  SKIPPED: '#cbd5e1',
  FAILED: '#dc2626',
  GATE_FAILED: '#dc2626',
  NOTHING_TO_DO: '#94a3b8',
  CANCELLED: '#f59e0b',
};

export const GOOD = '#16a34a';
export const BAD = '#dc2626';
export const WARN = '#f59e0b';
export const AXIS = '#64748b';
export const GRID = '#e2e8f0';
