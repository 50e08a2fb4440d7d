import { render, screen, within } from '@testing-library/react';
import { TraceList } from './TraceList';

const steps = [
  { agent: 'router', summary: 'analytics question', ms: 2 },
  { agent: 'sql_generator', summary: 'semantic layer: denial_rate by payer', ms: 11 },
  { agent: 'executor', summary: '3 rows', ms: 240 },
];

describe('TraceList', () => {
  it('renders one row per step, in order, with agent, summary and timing', () => {
    render(<TraceList steps={steps} />);
    const rows = screen.getAllByTestId('trace-step');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.getAttribute('data-agent'))).toEqual(['router', 'sql_generator', 'executor']);
    expect(within(rows[1]).getByText('SQL generator')).toBeInTheDocument();
    expect(within(rows[1]).getByText('semantic layer: denial_rate by payer')).toBeInTheDocument();
    expect(within(rows[2]).getByText('240 ms')).toBeInTheDocument();
    expect(screen.getByText('3 steps · 253 ms in agents')).toBeInTheDocument();
  });

  it('shows a working indicator while live', () => {
    render(<TraceList steps={steps.slice(0, 1)} live />);
    expect(screen.getAllByTestId('trace-step')).toHaveLength(1);
    expect(screen.getByRole('status', { name: 'Working' })).toBeInTheDocument();
    expect(screen.getByText('Working…')).toBeInTheDocument();
    expect(screen.queryByText(/in agents/)).not.toBeInTheDocument();
  });
});
