import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { run } from '@/test/fixtures';
import type { RunSummary } from '@/types/api';
import { RunsList } from './RunsList';

const summary = (over: Partial<RunSummary>): RunSummary => {
  const { tasks: _t, payers: _p, quality: _q, attempts: _a, events: _e, ...s } = run;
  return { ...s, ...over };
};

describe('RunsList', () => {
  it('badges a scheduled run, a sensor run and a backfill; a manual run keeps its plain trigger', () => {
    const runs = [
      summary({ run_id: 'r-sched', trigger: 'schedule' }),
      summary({ run_id: 'r-sensor', trigger: 'sensor' }),
      summary({ run_id: 'r-back', trigger: 'backfill' }),
      summary({ run_id: 'r-api', trigger: 'api' }),
    ];
    render(<MemoryRouter><RunsList runs={runs} selected={null} /></MemoryRouter>);
    const items = screen.getAllByTestId('run-item');
    expect(items.map((i) => within(i).getByTestId('trigger-badge').textContent)).toEqual(['scheduled', 'sensor', 'backfill', 'api']);
    expect(within(items[0]).getByTestId('trigger-badge')).toHaveClass('badge-accent');
    expect(within(items[3]).getByTestId('trigger-badge')).not.toHaveClass('badge');
    expect(items[0]).toHaveAttribute('data-trigger', 'schedule');
    expect(screen.queryByTestId('resumed-badge')).not.toBeInTheDocument();
  });

  it('marks a resumed run, and shows attempts only when tasks were retried', () => {
    const runs = [
      summary({ run_id: 'r-res', trigger: 'api', state: 'SUCCEEDED', resumed: true, attempts: 11 }),
      summary({ run_id: 'r-plain', state: 'SUCCEEDED', resumed: false, attempts: 9 }),
      summary({ run_id: 'r-cancel', state: 'CANCELLED', attempts: 3 }),
    ];
    render(<MemoryRouter><RunsList runs={runs} selected="r-res" /></MemoryRouter>);
    const [resumed, plain, cancelled] = screen.getAllByTestId('run-item');
    expect(within(resumed).getByTestId('resumed-badge')).toHaveTextContent('resumed');
    expect(resumed).toHaveAttribute('data-resumed', 'true');
    expect(within(resumed).getByTestId('run-attempts')).toHaveTextContent('11 attempts');
    expect(within(plain).queryByTestId('resumed-badge')).not.toBeInTheDocument();
    expect(within(plain).queryByTestId('run-attempts')).not.toBeInTheDocument();
    expect(within(cancelled).getByTestId('state-badge')).toHaveTextContent('cancelled');
    expect(within(cancelled).getByTestId('state-badge')).toHaveClass('badge-warn');
  });
});
