import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartAnimation } from '@/lib/motion';
import { Card } from '@/components/ui';
import { AXIS, GRID } from '@/lib/chart-theme';
import { formatAxis, formatInt } from '@/lib/format';
import type { TableInfo } from '@/types/api';
import { LayerBadge } from './LayerBadge';
import { StorageLocation } from './StorageLocation';

const LAYER_COLORS: Record<string, string> = { bronze: '#b45309', silver: '#64748b', gold: '#ca8a04' };

/** With no table picked: row counts per table as a chart, and a card per table. */
export function CatalogOverview({ tables, onSelect }: { tables: TableInfo[]; onSelect: (name: string) => void }) {
  const data = tables.map((t) => ({ name: t.name, rows: t.row_count ?? 0, layer: t.layer }));
  const height = Math.max(160, data.length * 34 + 40);
  return (
    <>
      <Card title="Rows per table">
        <div data-testid="catalog-chart">
          <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 8 }}>
              <CartesianGrid stroke={GRID} horizontal={false} />
              <XAxis type="number" stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatAxis(v)} />
              <YAxis type="category" dataKey="name" stroke={AXIS} tick={{ fontSize: 12 }} width={280} interval={0} />
              <Tooltip formatter={(v) => formatInt(Number(v))} />
              <Bar dataKey="rows" name="Rows" radius={[0, 4, 4, 0]} maxBarSize={22} onClick={(d) => onSelect(String((d as { name?: string }).name))} cursor="pointer" isAnimationActive={chartAnimation()} minPointSize={2}>
                {data.map((d) => (
                  <Cell key={d.name} fill={LAYER_COLORS[d.layer] ?? '#2563eb'} />
                ))}
                <LabelList dataKey="rows" position="right" formatter={(v: unknown) => formatInt(Number(v))} fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <div className="grid-cards">
        {tables.map((t) => (
          <button key={t.name} type="button" className="table-card" onClick={() => onSelect(t.name)}>
            <div className="table-card-head">
              <code>{t.name}</code>
              <LayerBadge layer={t.layer} />
            </div>
            <p className="muted small">{t.description}</p>
            <div className="small">
              {formatInt(t.row_count)} rows · {t.columns.length} columns
            </div>
            <StorageLocation location={t.location} />
          </button>
        ))}
      </div>
    </>
  );
}
