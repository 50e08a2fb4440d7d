import { chartAnimation } from '@/lib/motion';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, GRID, STATE_COLORS } from '@/lib/chart-theme';
import { formatInt, formatMs, humanize } from '@/lib/format';
import type { PipelineTask } from '@/types/api';
import { taskTimeline, type GanttRow } from './timeline';

/** Task timings as a Gantt chart: an invisible offset bar stacked under the visible duration bar. */
export function TaskGantt({ tasks, animate = chartAnimation() }: { tasks: PipelineTask[]; animate?: boolean }) {
  const data = taskTimeline(tasks).map((r) => ({ ...r, label: humanize(r.name) + (r.attempts > 1 ? ` ×${r.attempts}` : '') }));
  const height = Math.max(140, data.length * 32 + 50);
  return (
    <div data-testid="task-gantt" className="gantt">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={6}>
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatMs(Number(v))} />
          <YAxis type="category" dataKey="label" stroke={AXIS} tick={{ fontSize: 12 }} width={110} interval={0} />
          <Tooltip content={<GanttTip />} cursor={{ fill: 'rgba(37,99,235,0.05)' }} />
          <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={animate} />
          <Bar dataKey="duration" stackId="t" radius={[3, 3, 3, 3]} minPointSize={2} isAnimationActive={animate}>
            {data.map((d) => (
              <Cell key={d.name} fill={STATE_COLORS[d.state] ?? '#94a3b8'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <div className="legend-row small">
        {['SUCCEEDED', 'RUNNING', 'FAILED', 'SKIPPED', 'PENDING'].map((s) => (
          <span key={s} className="legend-item">
            <span className="legend-swatch" style={{ background: STATE_COLORS[s] }} /> {s.toLowerCase()}
          </span>
        ))}
      </div>
    </div>
  );
}

function GanttTip({ active, payload }: { active?: boolean; payload?: { payload: GanttRow & { label: string } }[] }) {
  if (!active || !payload?.length) return null;
  const r = payload[0].payload;
  return (
    <div className="chart-tip">
      <strong>{r.label}</strong> · {r.state.toLowerCase()}
      <div>starts at +{formatMs(r.offset)}</div>
      <div>took {formatMs(r.duration)}</div>
      {r.rows !== null && <div>{formatInt(r.rows)} rows</div>}
      {r.attempts > 1 && <div>{r.attempts} attempts (retried)</div>}
    </div>
  );
}
