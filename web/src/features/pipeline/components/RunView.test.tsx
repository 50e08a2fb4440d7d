import { render, screen, within } from '@testing-library/react';
import { run } from '@/test/fixtures';
import { RunView } from './RunView';
import { taskTimeline } from './timeline';

describe('RunView', () => {
  it('shows the run headline numbers and the gate result', () => {
    render(<RunView run={run} animate={false} />);
    expect(screen.getByRole('heading', { name: /run-42/ })).toHaveTextContent('gate failed');
    const kpi = (label: string) => [...document.querySelectorAll('.kpi-label')].find((e) => e.textContent === label)!.parentElement!;
    expect(kpi('Bronze rows')).toHaveTextContent('30,000');
    expect(kpi('Clean rows')).toHaveTextContent('28,400');
    expect(kpi('Quarantined')).toHaveTextContent('1,6005.33% of bronze');
    expect(kpi('Quality gate')).toHaveTextContent('Failed');
    expect(kpi('Duration')).toHaveTextContent('12.0 s');
  });

  it('lists tasks with state, timing and rows, and draws them on a Gantt chart', () => {
    const { container } = render(<RunView run={run} animate={false} />);
    const rows = screen.getAllByTestId('task-row');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED', 'SKIPPED']);
    expect(within(rows[1]).getByText('6.00 s')).toBeInTheDocument();
    expect(within(rows[0]).getByText('30,000')).toBeInTheDocument();
    expect(within(rows[2]).getByText('UnitedHealth over threshold')).toBeInTheDocument();
    const gantt = screen.getByTestId('task-gantt');
    expect(within(gantt).getByText('Transform')).toBeInTheDocument();
    // offset + duration bars for each task
    expect(container.querySelectorAll('[data-testid="task-gantt"] .recharts-bar').length).toBe(2);
  });

  it('charts quarantine rate per payer against the threshold and flags payers over it', () => {
    render(<RunView run={run} animate={false} />);
    const chart = screen.getByTestId('quarantine-chart');
    expect(within(chart).getByText('threshold 10%')).toBeInTheDocument();
    expect(within(chart).getByText('12.00%')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Over the threshold: UnitedHealth');
    const payers = screen.getAllByTestId('payer-row');
    expect(within(payers[1]).getByText('failed')).toBeInTheDocument();
    expect(within(payers[0]).getByText('passed')).toBeInTheDocument();
  });

  it('badges a scheduled run in its heading', () => {
    render(<RunView run={{ ...run, trigger: 'schedule' }} animate={false} />);
    expect(within(screen.getByRole('heading', { name: /run-42/ })).getByTestId('trigger-badge')).toHaveTextContent('scheduled');
    expect(screen.queryByText('Run events')).not.toBeInTheDocument();
  });

  it('shows a resumed run as resumed, with its events, retries and per-task attempts', () => {
    const resumed = {
      ...run,
      state: 'SUCCEEDED',
      resumed: true,
      tasks: run.tasks.map((t, i) => ({ ...t, attempts: i === 2 ? 3 : 1 })),
      events: [
        { at: '2026-11-24T20:05:00Z', kind: 'resumed', detail: 'from gate' },
        { at: '2026-11-24T20:00:11Z', kind: 'cancel_requested', detail: 'by admin' },
      ],
    };
    render(<RunView run={resumed} animate={false} actions={<button type="button">Resume</button>} />);
    expect(within(screen.getByRole('heading', { name: /run-42/ })).getByTestId('resumed-badge')).toHaveTextContent('resumed');
    const events = screen.getAllByTestId('run-event');
    expect(events.map((e) => e.getAttribute('data-kind'))).toEqual(['cancel_requested', 'resumed']);
    expect(events[0]).toHaveTextContent('cancel requested');
    expect(events[1]).toHaveTextContent('from gate');
    expect(screen.getByTestId('run-retries')).toHaveTextContent('2 retries');
    expect(screen.getAllByTestId('task-attempts').map((c) => c.textContent)).toEqual(['1', '1', '3', '1']);
    expect(within(screen.getByTestId('task-gantt')).getByText('Gate ×3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('renders the quarantine sample slot only when given', () => {
    const { rerender } = render(<RunView run={run} animate={false} />);
    expect(screen.queryByText('Quarantined rows (sample)')).not.toBeInTheDocument();
    rerender(<RunView run={run} animate={false} quarantine={<div>sample here</div>} />);
    expect(screen.getByText('sample here')).toBeInTheDocument();
  });
});

describe('taskTimeline', () => {
  it('places tasks on one axis from the first start', () => {
    const t = taskTimeline(run.tasks);
    expect(t.map((x) => [x.name, x.offset, x.duration])).toEqual([
      ['ingest', 0, 4000],
      ['transform', 4000, 6000],
      ['gate', 10000, 2000],
      ['publish', 0, 0],
    ]);
  });
  it('lets a running task run up to now', () => {
    const t = taskTimeline(
      [{ name: 'ingest', state: 'RUNNING', started_at: '2026-01-01T00:00:00Z', finished_at: null, duration_ms: null, rows: null, detail: null }],
      Date.parse('2026-01-01T00:00:03Z'),
    );
    expect(t[0].duration).toBe(3000);
  });
});
