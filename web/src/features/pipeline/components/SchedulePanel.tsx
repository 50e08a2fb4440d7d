import { Badge } from '@/components/ui';
import { formatDateTime, formatInt } from '@/lib/format';
import type { ScheduleStatus } from '@/types/api';
import { RunBadges } from './RunBadges';

/** The server's scheduler: off, or its cron schedule and next run, the landing sensor and the queued triggers. */
export function SchedulePanel({ schedule }: { schedule: ScheduleStatus }) {
  if (!schedule.enabled) {
    return (
      <p className="muted small" data-testid="schedule" data-enabled="false">
        <Badge>off</Badge> Runs start by hand (Start run, the CLI, Airflow). Set <code>scheduler.cron</code> or{' '}
        <code>scheduler.sensor.enabled</code> to have the server start them.
      </p>
    );
  }
  return (
    <div className="schedule" data-testid="schedule" data-enabled="true">
      <dl className="schedule-facts">
        <div>
          <dt>Cron (UTC)</dt>
          <dd>{schedule.cron ? <code>{schedule.cron}</code> : <span className="muted">none</span>}</dd>
        </div>
        {schedule.cron && (
          <div>
            <dt>Next run</dt>
            <dd data-testid="schedule-next">{formatDateTime(schedule.next_run_at)}</dd>
          </div>
        )}
        <div>
          <dt>Landing sensor</dt>
          <dd>
            {schedule.sensor_enabled ? (
              <>
                <Badge tone="good">on</Badge>{' '}
                <span className="small">
                  {formatInt(schedule.sensor_waiting_files)} file(s) waiting · quiet {formatInt(schedule.sensor_quiet_period_s)} s
                </span>
              </>
            ) : (
              <Badge>off</Badge>
            )}
          </dd>
        </div>
        {schedule.last_started_run && (
          <div>
            <dt>Last started</dt>
            <dd>
              <code>{schedule.last_started_run}</code>
            </dd>
          </div>
        )}
      </dl>
      {schedule.queue.length > 0 && (
        <ul className="schedule-queue" aria-label="Queued triggers">
          {schedule.queue.map((q) => (
            <li key={`${q.trigger}-${q.at}`} data-testid="queued-trigger" className="small">
              <RunBadges run={{ trigger: q.trigger }} /> queued {formatDateTime(q.at)} · {q.reason}
            </li>
          ))}
        </ul>
      )}
      {schedule.last_error && (
        <p className="alert alert-warn small" role="status">
          {schedule.last_error}
        </p>
      )}
    </div>
  );
}
