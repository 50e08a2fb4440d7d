import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lineAnswer, makeAnswer, numberAnswer, refused, tableAnswer, unanswerable } from '@/test/fixtures';
import { AnswerView } from './AnswerView';

const noop = () => {};

describe('AnswerView', () => {
  it('shows a headline number for chart type "number"', () => {
    render(<AnswerView answer={numberAnswer} onSuggestion={noop} animate={false} />);
    const chart = screen.getByTestId('answer-chart');
    expect(chart).toHaveAttribute('data-chart-type', 'number');
    expect(within(chart).getByTestId('answer-number')).toHaveTextContent('12,345');
    expect(within(chart).getByText('Denied claims')).toBeInTheDocument();
  });

  it('draws one bar per row for chart type "bar"', () => {
    const { container } = render(<AnswerView answer={makeAnswer()} onSuggestion={noop} animate={false} />);
    expect(screen.getByTestId('answer-chart')).toHaveAttribute('data-chart-type', 'bar');
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
    // category axis carries the payer names
    expect(screen.getByText('UnitedHealth')).toBeInTheDocument();
  });

  it('draws one line per payer for a long-format "line" answer', () => {
    const { container } = render(<AnswerView answer={lineAnswer} onSuggestion={noop} animate={false} />);
    expect(screen.getByTestId('answer-chart')).toHaveAttribute('data-chart-type', 'line');
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(container.querySelector('.recharts-legend-wrapper')).toHaveTextContent(/Aetna.*BlueCross/);
  });

  it('shows the table itself for chart type "table"', () => {
    render(<AnswerView answer={tableAnswer} onSuggestion={noop} animate={false} />);
    const chart = screen.getByTestId('answer-chart');
    expect(chart).toHaveAttribute('data-chart-type', 'table');
    const table = within(chart).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
    expect(within(table).getByText('Lakeside Family Medicine, PC')).toBeInTheDocument();
    expect(within(table).getByText('1,200')).toBeInTheDocument();
  });

  it('shows the explanation, the SQL, latency, and the cached badge only when cached', () => {
    const { rerender } = render(<AnswerView answer={makeAnswer()} onSuggestion={noop} animate={false} />);
    expect(screen.getByTestId('answer-explanation')).toHaveTextContent('Denied claims divided by adjudicated claims');
    expect(screen.getByTestId('answer-sql')).toHaveTextContent('healthcare_gold.claims_monthly_summary');
    expect(screen.getByTestId('latency')).toHaveTextContent('87 ms');
    expect(screen.queryByTestId('cached-badge')).not.toBeInTheDocument();
    rerender(<AnswerView answer={makeAnswer({ cached: true, latency_ms: 4 })} onSuggestion={noop} animate={false} />);
    expect(screen.getByTestId('cached-badge')).toHaveTextContent('cached');
    expect(screen.getByTestId('latency')).toHaveTextContent('4 ms');
  });

  it('can reveal the result table under a chart', async () => {
    render(<AnswerView answer={makeAnswer()} onSuggestion={noop} animate={false} />);
    expect(screen.queryByTestId('answer-table')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /show result table \(3 rows\)/i }));
    const table = screen.getByTestId('answer-table');
    expect(within(table).getByText('11.2%')).toBeInTheDocument();
  });

  it('folds the SQL away when asked (business users)', () => {
    render(<AnswerView answer={makeAnswer()} onSuggestion={noop} sqlOpen={false} animate={false} />);
    expect(screen.getByRole('button', { name: 'Show SQL' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(screen.getByTestId('answer-sql')).queryByText(/claims_monthly_summary/)).not.toBeInTheDocument();
  });

  it('calls back with the suggestion that was clicked', async () => {
    const onSuggestion = vi.fn();
    render(<AnswerView answer={makeAnswer()} onSuggestion={onSuggestion} animate={false} />);
    const chips = screen.getAllByTestId('suggestion-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['How has the denial rate changed by month?', 'What are the top denial reasons?']);
    await userEvent.click(chips[1]);
    expect(onSuggestion).toHaveBeenCalledWith('What are the top denial reasons?');
  });

  it('offers each reading of an ambiguous question as a button that asks it', async () => {
    const onPick = vi.fn();
    const clarify = makeAnswer({ status: 'clarify', sql: null, rows: [], columns: [], row_count: 0,
      explanation: 'This question can be read in more than one way.',
      clarifications: ['Neoplasm diagnosis category claims', 'Oncology specialty claims'] });
    render(<AnswerView answer={clarify} onSuggestion={onPick} />);
    expect(screen.getByTestId('answer-status-callout')).toHaveTextContent('Which do you mean?');
    const buttons = screen.getAllByTestId('clarification');
    expect(buttons.map((b) => b.textContent)).toEqual(['Neoplasm diagnosis category claims', 'Oncology specialty claims']);
    await userEvent.click(buttons[1]);
    expect(onPick).toHaveBeenCalledWith('Oncology specialty claims');
    expect(screen.queryByText('SQL')).not.toBeInTheDocument();
  });

  it('shows an unanswerable question clearly, with answerable suggestions and no chart or SQL', async () => {
    const onSuggestion = vi.fn();
    render(<AnswerView answer={unanswerable} onSuggestion={onSuggestion} />);
    const callout = screen.getByTestId('answer-status-callout');
    expect(callout).toHaveTextContent('Can’t answer this from the claims data');
    expect(callout).toHaveTextContent('The claims data has no weather information.');
    expect(screen.queryByTestId('answer-chart')).not.toBeInTheDocument();
    expect(screen.queryByTestId('answer-sql')).not.toBeInTheDocument();
    expect(screen.getByText('Questions you can ask instead')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'What is the denial rate by payer?' }));
    expect(onSuggestion).toHaveBeenCalledWith('What is the denial rate by payer?');
  });

  it('shows a refused question as refused', () => {
    render(<AnswerView answer={refused} onSuggestion={noop} />);
    expect(screen.getByTestId('answer')).toHaveAttribute('data-status', 'refused');
    expect(screen.getByTestId('answer-status-callout')).toHaveTextContent('Question refused');
    expect(screen.getByTestId('answer-status-callout')).toHaveTextContent('cannot delete or change claims');
    expect(screen.getAllByTestId('suggestion-chip')).toHaveLength(1);
  });
});
