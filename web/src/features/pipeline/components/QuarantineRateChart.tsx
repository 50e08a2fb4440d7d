import { chartAnimation } from '@/lib/motion';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, BAD, GOOD, GRID, WARN } from '@/lib/chart-theme';
import { formatPercent } from '@/lib/format';
import { niceAxis } from '@/lib/nice-axis';
import type { PayerResult } from '@/types/api';

/** Per-payer quarantine rate as bars against the gate threshold (a dashed line). */
export function QuarantineRateChart({ payers, animate = chartAnimation() }: { payers: PayerResult[]; animate?: boolean }) {
  const threshold = payers.length ? Math.max(...payers.map((p) => p.threshold ?? 0.1)) : 0.1;
  const data = payers.map((p) => ({
    payer: p.payer,
    rate: p.quarantine_rate ?? (p.bronze_rows ? p.quarantined_rows / p.bronze_rows : 0),
    threshold: p.threshold ?? threshold,
  }));
  const { max, ticks } = niceAxis(Math.max(threshold * 1.2, ...data.map((d) => d.rate * 1.1), 0.01));
  const height = Math.max(150, data.length * 44 + 50);
  return (
    <div data-testid="quarantine-chart">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 16, right: 56, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" domain={[0, max]} ticks={ticks} stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatPercent(Number(v), Number.isInteger(Math.round(Number(v) * 1e4) / 100) ? 0 : 1)} />
          <YAxis type="category" dataKey="payer" stroke={AXIS} tick={{ fontSize: 12 }} width={110} interval={0} />
          <Tooltip formatter={(v) => formatPercent(Number(v), 2)} />
          <ReferenceLine
            x={threshold}
            stroke={BAD}
            strokeDasharray="5 4"
            strokeWidth={2}
            label={{ value: `threshold ${formatPercent(threshold, 0)}`, position: 'top', fill: BAD, fontSize: 12 }}
          />
          <Bar dataKey="rate" name="Quarantine rate" radius={[0, 4, 4, 0]} maxBarSize={26} isAnimationActive={animate}>
            {data.map((d) => (
              <Cell key={d.payer} fill={d.rate > d.threshold ? BAD : d.rate > d.threshold * 0.7 ? WARN : GOOD} />
            ))}
            <LabelList dataKey="rate" position="right" formatter={(v: unknown) => formatPercent(Number(v), 2)} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

