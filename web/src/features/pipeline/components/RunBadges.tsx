import { Badge, type Tone } from '@/components/ui';
import type { RunSummary } from '@/types/api';

/** How a trigger is named on the page; started by hand (cli, api, demo, bench) stays plain. */
const TRIGGERS: Record<string, { label: string; tone: Tone; title: string }> = {
  schedule: { label: 'scheduled', tone: 'accent', title: "Started by the server's cron schedule" },
  sensor: { label: 'sensor', tone: 'accent', title: 'Started by the landing sensor when new files arrived' },
  backfill: { label: 'backfill', tone: 'info', title: 'Re-processed chosen batches from bronze' },
  airflow: { label: 'airflow', tone: 'info', title: 'Started by Airflow' },
  'spark-submit': { label: 'spark-submit', tone: 'info', title: 'Submitted to a Spark cluster' },
};

/** Full runs have this many tasks (docs/API.md); more attempts than this means tasks were retried. */
export const PIPELINE_TASKS = 9;

/** The run's trigger, and "resumed" when it was resumed after failing or being cancelled. */
export function RunBadges({ run }: { run: Pick<RunSummary, 'trigger' | 'resumed'> }) {
  const t = TRIGGERS[run.trigger];
  return (
    <>
      {t ? (
        <Badge tone={t.tone} testId="trigger-badge" title={t.title}>
          <span data-trigger={run.trigger}>{t.label}</span>
        </Badge>
      ) : (
        <span className="muted small" data-testid="trigger-badge" data-trigger={run.trigger} title="Started by hand">
          {run.trigger}
        </span>
      )}
      {run.resumed && (
        <Badge tone="warn" testId="resumed-badge" title="Resumed after it failed or was cancelled">
          resumed
        </Badge>
      )}
    </>
  );
}
