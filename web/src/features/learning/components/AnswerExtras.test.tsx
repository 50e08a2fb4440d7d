import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeAnswer } from '@/test/fixtures';
import { AnswerView } from '@/features/ask/components/AnswerView';

const noop = () => {};

describe('verified answers, notes and feedback on an answer', () => {
  it('says who verified the answer and when, and shows each note on what the figure leaves out', () => {
    const answer = makeAnswer({
      verified: { id: 'v1', verified_by: 'ana', verified_at: '2026-01-05T10:00:00Z', note: 'matches finance' },
      notes: [
        { kind: 'quarantine', text: '41 Aetna rows from Q4 2025 are in quarantine and not counted (32 invalid diagnosis, 9 invalid NPI).', link: '/sql?sql=SELECT%201', counts: { in_scope: 41 } },
        { kind: 'run_out', text: 'December 2025 is about 78 % complete.', link: null, counts: {} },
      ],
    });
    render(<MemoryRouter><AnswerView answer={answer} onSuggestion={noop} animate={false} /></MemoryRouter>);
    expect(screen.getByTestId('verified-mark')).toHaveTextContent('Verified by ana on Jan 5, 2026');
    expect(screen.getByTestId('note-quarantine')).toHaveTextContent('41 Aetna rows from Q4 2025 are in quarantine');
    expect(screen.getByTestId('note-run_out')).toHaveTextContent('about 78 % complete');
    expect(screen.getByRole('button', { name: 'Thumbs down' })).toBeInTheDocument();
  });

  it('marks the reading chosen in a later turn of a clarification', () => {
    const clarify = makeAnswer({ status: 'clarify', sql: null, rows: [], columns: [], row_count: 0,
      clarifications: ['Neoplasm diagnosis category claims', 'Oncology specialty claims'] });
    render(<AnswerView answer={clarify} onSuggestion={noop} chosen="Oncology specialty claims" />);
    expect(screen.getByRole('button', { name: /Oncology specialty claims/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Neoplasm diagnosis category claims' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('chosen-reading')).toHaveTextContent('You chose: Oncology specialty claims');
  });
});
