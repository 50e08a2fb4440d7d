import { useNavigate, useParams } from 'react-router';
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { canSeeQuarantine, isAdmin, useSession } from '@/features/auth/api/auth';
import { isApiError } from '@/lib/api-client';
import { AXIS, STATE_COLORS } from '@/lib/chart-theme';
import { chartAnimation } from '@/lib/motion';
import { formatDateTime, formatMs } from '@/lib/format';
import type { RunSummary } from '@/types/api';
import { useRun, useRuns, useSchedule, useSources, useStartRun } from '../api/pipeline';
import { QuarantineSample } from './QuarantineSample';
import { RunActions } from './RunActions';
import { RunsList } from './RunsList';
import { RunView } from './RunView';
import { SchedulePanel } from './SchedulePanel';
import { SourcesList } from './SourcesList';

export default function PipelinePage() {
  const session = useSession();
  const { runId } = useParams();
  const navigate = useNavigate();
  const runs = useRuns();
  const selected = runId ?? runs.data?.runs[0]?.run_id ?? null;
  const run = useRun(selected);
  const start = useStartRun();
  const sources = useSources();
  const schedule = useSchedule();
  const admin = isAdmin(session?.role);

  const onStart = () =>
    start.mutate(undefined, {
      onSuccess: (r) => navigate(`/pipeline/${encodeURIComponent(r.run_id)}`),
    });

  return (
    <div className="pipeline-page">
      <PageHeader
        title="Pipeline"
        subtitle="Medallion runs: bronze → silver → quality gate → gold, with per-payer quality."
        actions={
          admin && (
            <button type="button" className="btn btn-primary" onClick={onStart} disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start run'}
            </button>
          )
        }
      />
      {start.error && (
        <div className={`alert ${isApiError(start.error) && start.error.status === 409 ? 'alert-warn' : 'alert-error'}`} role="alert">
          {isApiError(start.error) && start.error.status === 409 ? 'A run is already going.' : (start.error as Error).message}
        </div>
      )}
      {sources.data && sources.data.sources.length > 0 && (
        <Card title="Sources">
          <SourcesList sources={sources.data.sources} />
        </Card>
      )}
      <ErrorAlert error={sources.error} title="Could not load the sources" />
      {schedule.data && (
        <Card title="Schedule">
          <SchedulePanel schedule={schedule.data} />
        </Card>
      )}
      {runs.isLoading && <Loading label="Loading runs…" />}
      <ErrorAlert error={runs.error} title="Could not load runs" />
      {runs.data && runs.data.runs.length === 0 && <EmptyState>No pipeline runs yet.</EmptyState>}
      {runs.data && runs.data.runs.length > 0 && (
        <div className="split">
          <div className="split-side">
            <Card title="Recent runs">
              <RunDurations runs={runs.data.runs} onPick={(id) => navigate(`/pipeline/${encodeURIComponent(id)}`)} />
              <RunsList runs={runs.data.runs} selected={selected} />
            </Card>
          </div>
          <div className="split-main">
            {run.isLoading && <Loading label="Loading run…" />}
            <ErrorAlert error={run.error} title="Could not load the run" />
            {run.data && (
              <RunView
                run={run.data}
                actions={admin ? <RunActions run={run.data} /> : undefined}
                quarantine={canSeeQuarantine(session?.role) ? <QuarantineSample key={run.data.run_id} payers={run.data.payers} /> : undefined}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** Durations of recent runs, oldest → newest, coloured by outcome. */
function RunDurations({ runs, onPick }: { runs: RunSummary[]; onPick: (id: string) => void }) {
  const data = [...runs]
    .reverse()
    .map((r) => ({ id: r.run_id, label: formatDateTime(r.started_at), duration: r.duration_ms ?? 0, state: r.state }));
  if (data.length < 2) return null;
  return (
    <div data-testid="runs-chart" className="runs-chart">
      <ResponsiveContainer width="100%" height={90} initialDimension={{ width: 280, height: 90 }}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="label" hide />
          <YAxis hide />
          <Tooltip formatter={(v) => formatMs(Number(v))} labelStyle={{ fontSize: 12 }} />
          <Bar dataKey="duration" name="Duration" radius={[3, 3, 0, 0]} onClick={(d) => onPick(String((d as { id?: string }).id))} cursor="pointer" isAnimationActive={chartAnimation()} minPointSize={3}>
            {data.map((d) => (
              <Cell key={d.id} fill={STATE_COLORS[d.state] ?? AXIS} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
