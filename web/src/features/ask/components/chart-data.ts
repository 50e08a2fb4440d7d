import { isNumericColumn, isTemporalColumn } from '@/lib/format';
import type { Answer, ChartType, Column, Row } from '@/types/api';

export interface ResolvedChart {
  type: ChartType;
  x?: Column;
  /** Series keys as they appear in `data` rows. */
  series: string[];
  /** The measure column (for formatting); with pivoted data every series shares it. */
  measures: Column[];
  data: Record<string, string | number | null>[];
  /** For `number`: the value and its column. */
  value?: number | string | null;
  valueColumn?: Column;
}

const MAX_SERIES = 10;

/** When the answer has no chart, pick one from the shape of the result. */
export function inferChartType(columns: Column[], rows: Row[]): ChartType {
  const numeric = columns.filter(isNumericColumn);
  if (rows.length === 1 && numeric.length === 1 && columns.length <= 2) return 'number';
  if (rows.length === 1 && columns.length === 1) return 'number';
  const dims = columns.filter((c) => !isNumericColumn(c));
  if (!numeric.length || !dims.length || rows.length > 200) return 'table';
  if (isTemporalColumn(dims[0])) return 'line';
  return rows.length <= 40 ? 'bar' : 'table';
}

/**
 * Turns an answer into chart-ready data. Long results (x, group, one measure) are pivoted so each
 * group becomes a series: `service_month, payer, denial_rate` → one line per payer.
 */
export function resolveChart(answer: Pick<Answer, 'columns' | 'rows' | 'chart'>): ResolvedChart {
  const { columns, rows } = answer;
  const byName = new Map(columns.map((c, i) => [c.name, i] as const));
  const type: ChartType = answer.chart?.type ?? inferChartType(columns, rows);

  if (type === 'number') {
    const wanted = answer.chart?.y?.find((y) => byName.has(y));
    const idx = wanted ? byName.get(wanted)! : Math.max(0, columns.findIndex(isNumericColumn));
    const row = rows[0];
    return {
      type,
      series: [],
      measures: columns[idx] ? [columns[idx]] : [],
      data: [],
      value: row ? (row[idx] as number | string | null) : null,
      valueColumn: columns[idx],
    };
  }
  if (type === 'table') return { type, series: [], measures: [], data: [] };

  const xName =
    answer.chart?.x && byName.has(answer.chart.x)
      ? answer.chart.x
      : (columns.find((c) => !isNumericColumn(c)) ?? columns[0])?.name;
  const xIdx = xName !== undefined ? byName.get(xName)! : 0;
  const x = columns[xIdx];
  let yNames = (answer.chart?.y ?? []).filter((y) => byName.has(y) && y !== xName);
  if (!yNames.length) yNames = columns.filter((c) => isNumericColumn(c) && c.name !== xName).map((c) => c.name);
  const measures = yNames.map((y) => columns[byName.get(y)!]);

  // A remaining non-numeric column next to a single measure: pivot it into series.
  const groupIdx = columns.findIndex((c, i) => i !== xIdx && !isNumericColumn(c) && !yNames.includes(c.name));
  if (type !== 'pie' && groupIdx !== -1 && yNames.length === 1) {
    const yIdx = byName.get(yNames[0])!;
    const groups: string[] = [];
    const byX = new Map<string, Record<string, string | number | null>>();
    for (const r of rows) {
      const g = String(r[groupIdx] ?? '—');
      if (!groups.includes(g)) {
        if (groups.length >= MAX_SERIES) continue;
        groups.push(g);
      }
      const xv = String(r[xIdx] ?? '—');
      let point = byX.get(xv);
      if (!point) {
        point = { [x.name]: xv };
        byX.set(xv, point);
      }
      point[g] = r[yIdx] as number | null;
    }
    let data = [...byX.values()];
    if (type === 'line') data = sortByX(data, x.name);
    return { type, x, series: groups, measures, data };
  }

  let data = rows.map((r) => {
    const o: Record<string, string | number | null> = { [x.name]: r[xIdx] === null ? '—' : (r[xIdx] as string | number) };
    for (const y of yNames) o[y] = r[byName.get(y)!] as number | null;
    return o;
  });
  if (type === 'line') data = sortByX(data, x.name);
  return { type, x, series: yNames, measures, data };
}

function sortByX<T extends Record<string, unknown>>(data: T[], key: string): T[] {
  return [...data].sort((a, b) => String(a[key]).localeCompare(String(b[key]), 'en', { numeric: true }));
}
