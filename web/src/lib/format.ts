import type { Cell, Column } from '@/types/api';

const NUMERIC_TYPES = new Set(['integer', 'decimal', 'double', 'long', 'bigint', 'int', 'float']);

export function isNumericColumn(c: Column | undefined): boolean {
  return !!c && NUMERIC_TYPES.has(String(c.type).toLowerCase());
}
export function isTemporalColumn(c: Column | undefined): boolean {
  if (!c) return false;
  const t = String(c.type).toLowerCase();
  return t === 'date' || t === 'timestamp' || /(^|_)(month|date|day|week|quarter|year)$/.test(c.name);
}

/** What a column's numbers mean, guessed from its name (the data contract's naming). */
export type ValueKind = 'rate' | 'money' | 'count' | 'days' | 'number' | 'text';

export function valueKind(col: Column | undefined): ValueKind {
  if (!col) return 'text';
  if (!isNumericColumn(col)) return 'text';
  const n = col.name.toLowerCase();
  if (/(rate|pct|percent|share|ratio)/.test(n)) return 'rate';
  if (/(amount|billed|paid|allowed|cost|revenue|charge|payment|dollars)/.test(n)) return 'money';
  if (/days/.test(n)) return 'days';
  if (/(count|rows|claims|members|providers|^n$|num_)/.test(n) || String(col.type) === 'integer') return 'count';
  return 'number';
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const numFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const moneyFmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
const moneyCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatPercent(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)}%`;
}

/** Formats one cell for display. Rates are fractions in [0,1] per the data contract. */
export function formatCell(v: Cell, col?: Column): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    switch (valueKind(col)) {
      case 'rate':
        return Math.abs(v) <= 1 ? formatPercent(v) : numFmt.format(v);
      case 'money':
        return moneyFmt.format(v);
      case 'count':
        return Number.isInteger(v) ? intFmt.format(v) : numFmt.format(v);
      case 'days':
        return `${numFmt.format(v)} d`;
      default:
        return Number.isInteger(v) ? intFmt.format(v) : numFmt.format(v);
    }
  }
  return String(v);
}

/** Short form for chart axes. */
export function formatAxis(v: unknown, col?: Column): string {
  if (typeof v !== 'number') return String(v ?? '');
  switch (valueKind(col)) {
    case 'rate':
      // 0.05 → 5%, 0.025 → 2.5%: as many digits as the tick needs, at most one.
      return Math.abs(v) <= 1 ? formatPercent(v, Number.isInteger(Math.round(v * 1e4) / 100) ? 0 : 1) : compact.format(v);
    case 'money':
      return moneyCompact.format(v);
    default:
      return compact.format(v);
  }
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m}m ${s}s`;
}

export function formatInt(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : intFmt.format(v);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "sql_generator" → "SQL generator" */
export function humanize(name: string): string {
  const s = name.replace(/_/g, ' ').replace(/\b(sql|id|api|cli|llm|npi|pii)\b/gi, (w) => w.toUpperCase());
  return s.charAt(0).toUpperCase() + s.slice(1);
}
