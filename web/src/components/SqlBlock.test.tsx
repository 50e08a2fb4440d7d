import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SqlBlock } from './SqlBlock';

const SQL = "SELECT payer, COUNT(*) AS n FROM healthcare.claims_clean WHERE claim_status = 'DENIED' GROUP BY payer";

describe('SqlBlock', () => {
  it('highlights the SQL', () => {
    const { container } = render(<SqlBlock sql={SQL} />);
    const keywords = [...container.querySelectorAll('.hljs-keyword')].map((k) => k.textContent);
    expect(keywords).toEqual(expect.arrayContaining(['SELECT', 'FROM', 'WHERE']));
    expect(container.querySelector('.hljs-string')).toHaveTextContent("'DENIED'");
    expect(screen.getByTestId('answer-sql')).toHaveTextContent(SQL);
  });

  it('copies the statement to the clipboard', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<SqlBlock sql={SQL} />);
    await user.click(screen.getByRole('button', { name: 'Copy SQL' }));
    expect(writeText).toHaveBeenCalledWith(SQL);
    expect(await screen.findByRole('button', { name: 'Copy SQL' })).toHaveTextContent('Copied');
  });

  it('collapses and expands', async () => {
    render(<SqlBlock sql={SQL} />);
    const toggle = screen.getByRole('button', { name: 'Hide SQL' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Show SQL' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/claims_clean/)).not.toBeInTheDocument();
  });
});
