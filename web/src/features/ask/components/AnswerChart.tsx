import { chartAnimation } from '@/lib/motion';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell as PieCell,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ResultTable } from '@/components/ResultTable';
import { AXIS, GRID, PALETTE } from '@/lib/chart-theme';
import { formatAxis, formatCell, humanize, valueKind } from '@/lib/format';
import { niceAxis } from '@/lib/nice-axis';
import type { Answer } from '@/types/api';
import { resolveChart } from './chart-data';

export interface AnswerChartProps {
  answer: Pick<Answer, 'columns' | 'rows' | 'chart' | 'question' | 'truncated' | 'row_count'>;
  height?: number;
  /** Off in tests and for print: draw final shapes at once. */
  animate?: boolean;
}

const INITIAL = { width: 720, height: 320 };

/** The answer's visual: a headline number, a bar/line/pie chart, or (for `table`) the table itself. */
export function AnswerChart({ answer, height = 320, animate = chartAnimation() }: AnswerChartProps) {
  const chart = resolveChart(answer);
  const measure = chart.measures[0];
  const fmtTip = (v: unknown) => (typeof v === 'number' ? formatCell(v, measure) : String(v ?? '—'));

  if (chart.type === 'number') {
    const label = chart.valueColumn ? humanize(chart.valueColumn.name) : 'Result';
    return (
      <div className="answer-visual" data-testid="answer-chart" data-chart-type="number">
        <div className="headline" data-testid="answer-number">
          <div className="headline-value">
            {typeof chart.value === 'number' ? formatCell(chart.value, chart.valueColumn) : (chart.value ?? '—')}
          </div>
          <div className="headline-label">{label}</div>
        </div>
      </div>
    );
  }

  if (chart.type === 'table' || !chart.x || !chart.data.length) {
    return (
      <div className="answer-visual" data-testid="answer-chart" data-chart-type="table">
        <ResultTable
          columns={answer.columns}
          rows={answer.rows}
          title={answer.question}
          truncated={answer.truncated}
          rowCount={answer.row_count}
          testId="answer-table"
        />
      </div>
    );
  }

  const xKey = chart.x.name;
  const legend = chart.series.length > 1;
  const valueAxis = rateAxis(chart.data, chart.series, measure);
  const seriesName = (s: string) => (chart.measures.some((m) => m.name === s) ? humanize(s) : s);

  if (chart.type === 'pie') {
    const key = chart.series[0];
    return (
      <div className="answer-visual" data-testid="answer-chart" data-chart-type="pie">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ ...INITIAL, height }}>
          <PieChart>
            <Pie
              data={chart.data}
              dataKey={key}
              nameKey={xKey}
              outerRadius="75%"
              innerRadius="45%"
              isAnimationActive={animate}
              label={(p: { name?: string; percent?: number }) => `${p.name} ${((p.percent ?? 0) * 100).toFixed(0)}%`}
            >
              {chart.data.map((_, i) => (
                <PieCell key={i} fill={PALETTE[i % PALETTE.length]} />
              ))}
            </Pie>
            <Tooltip formatter={fmtTip} />
          </PieChart>
        </ResponsiveContainer>
      </div>
    );
  }

  if (chart.type === 'line') {
    return (
      <div className="answer-visual" data-testid="answer-chart" data-chart-type="line">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ ...INITIAL, height }}>
          <LineChart data={chart.data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey={xKey} stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={shortDate} minTickGap={16} />
            <YAxis stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatAxis(v, measure)} width={64} {...valueAxis} />
            <Tooltip formatter={fmtTip} />
            {legend && <Legend />}
            {chart.series.map((s, i) => (
              <Line
                key={s}
                type="monotone"
                dataKey={s}
                name={seriesName(s)}
                stroke={PALETTE[i % PALETTE.length]}
                strokeWidth={2}
                dot={chart.data.length <= 24}
                isAnimationActive={animate}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    );
  }

  // bar: horizontal bars when there are many or long category labels
  const labels = chart.data.map((d) => String(d[xKey]));
  const horizontal = labels.length > 8 || labels.some((l) => l.length > 14);
  const barHeight = horizontal ? Math.max(height, labels.length * (22 + 8 * Math.min(chart.series.length, 3)) + 60) : height;
  const showValues = chart.series.length === 1 && labels.length <= (horizontal ? 25 : 12);
  const yWidth = Math.min(220, Math.max(60, Math.max(...labels.map((l) => l.length)) * 7));
  return (
    <div className="answer-visual" data-testid="answer-chart" data-chart-type="bar">
      <ResponsiveContainer width="100%" height={barHeight} initialDimension={{ ...INITIAL, height: barHeight }}>
        <BarChart
          data={chart.data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: showValues ? 20 : 8, right: showValues && horizontal ? 64 : 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid stroke={GRID} horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatAxis(v, measure)} {...valueAxis} />
              <YAxis type="category" dataKey={xKey} stroke={AXIS} tick={{ fontSize: 12 }} width={yWidth} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey={xKey} stroke={AXIS} tick={{ fontSize: 12 }} interval={0} />
              <YAxis stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatAxis(v, measure)} width={64} {...valueAxis} />
            </>
          )}
          <Tooltip formatter={fmtTip} cursor={{ fill: 'rgba(37,99,235,0.06)' }} />
          {legend && <Legend />}
          {chart.series.map((s, i) => (
            <Bar
              key={s}
              dataKey={s}
              name={seriesName(s)}
              fill={PALETTE[i % PALETTE.length]}
              radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]}
              maxBarSize={48}
              isAnimationActive={animate}
            >
              {showValues && (
                <LabelList
                  dataKey={s}
                  position={horizontal ? 'right' : 'top'}
                  formatter={(v: unknown) => (typeof v === 'number' ? formatCell(v, measure) : '')}
                  fontSize={12}
                  fill="#334155"
                />
              )}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function shortDate(v: unknown): string {
  const s = String(v ?? '');
  const m = /^(\d{4})-(\d{2})-01$/.exec(s);
  if (m) {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${names[Number(m[2]) - 1]} ${m[1].slice(2)}`;
  }
  return s;
}

/** Round percent ticks (0% 5% 10% …) for a rate measure whose values are fractions in [0, 1]; otherwise Recharts' own. */
export function rateAxis(
  data: Record<string, unknown>[],
  series: string[],
  measure: Parameters<typeof valueKind>[0],
): { domain?: [number, number]; ticks?: number[] } {
  if (valueKind(measure) !== 'rate') return {};
  const values = data.flatMap((d) => series.map((s) => d[s])).filter((v): v is number => typeof v === 'number');
  if (!values.length || values.some((v) => v < 0 || v > 1)) return {};
  const { max, ticks } = niceAxis(Math.max(...values) * 1.05);
  return { domain: [0, max], ticks };
}
