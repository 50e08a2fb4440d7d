import { render, screen, within } from '@testing-library/react';
import { SchedulePanel } from './SchedulePanel';

describe('SchedulePanel', () => {
  it('says the scheduler is off and how to turn it on', () => {
    render(<SchedulePanel schedule={{ enabled: false }} />);
    const panel = screen.getByTestId('schedule');
    expect(panel).toHaveAttribute('data-enabled', 'false');
    expect(panel).toHaveTextContent('off');
    expect(panel).toHaveTextContent('scheduler.cron');
  });

  it('shows the cron, the next run, the sensor and the queued triggers', () => {
    render(
      <SchedulePanel
        schedule={{
          enabled: true,
          cron: '0 2 * * *',
          next_run_at: '2026-12-05T02:00:00Z',
          sensor_enabled: true,
          sensor_quiet_period_s: 60,
          sensor_waiting_files: 2,
          queue: [{ trigger: 'sensor', at: '2026-12-04T21:00:00Z', reason: '2 new file(s) quiet for 60 s: a.csv, b.csv' }],
          last_started_run: 'run-9',
          last_error: 'Another pipeline run is in progress',
        }}
      />,
    );
    const panel = screen.getByTestId('schedule');
    expect(panel).toHaveAttribute('data-enabled', 'true');
    expect(within(panel).getByText('0 2 * * *')).toBeInTheDocument();
    expect(screen.getByTestId('schedule-next')).toHaveTextContent('2026');
    expect(panel).toHaveTextContent('2 file(s) waiting · quiet 60 s');
    expect(panel).toHaveTextContent('run-9');
    const queued = screen.getAllByTestId('queued-trigger');
    expect(queued).toHaveLength(1);
    expect(within(queued[0]).getByTestId('trigger-badge')).toHaveTextContent('sensor');
    expect(queued[0]).toHaveTextContent('a.csv, b.csv');
    expect(screen.getByRole('status')).toHaveTextContent('Another pipeline run is in progress');
  });

  it('shows an off sensor and no next run when only the sensor is configured off', () => {
    render(
      <SchedulePanel
        schedule={{ enabled: true, cron: '*/5 * * * *', next_run_at: null, sensor_enabled: false, sensor_quiet_period_s: 60,
          sensor_waiting_files: 0, queue: [], last_started_run: null, last_error: null }}
      />,
    );
    expect(screen.queryByTestId('queued-trigger')).not.toBeInTheDocument();
    expect(screen.getByTestId('schedule-next')).toHaveTextContent('—');
  });
});
