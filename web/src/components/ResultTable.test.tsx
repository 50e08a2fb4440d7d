import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Column, Row } from '@/types/api';
import * as csv from '@/lib/csv';
import { ResultTable } from './ResultTable';

const columns: Column[] = [
  { name: 'payer', type: 'string' },
  { name: 'claim_count', type: 'integer' },
  { name: 'denial_rate', type: 'double' },
];
const rows: Row[] = [
  ['BlueCross', 900, 0.08],
  ['Aetna', 1200, null],
  ['UnitedHealth', 50, 0.14],
];

const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('ResultTable', () => {
  it('renders formatted values', () => {
    render(<ResultTable columns={columns} rows={rows} title="payers" />);
    expect(screen.getByRole('table', { name: 'payers' })).toBeInTheDocument();
    expect(screen.getByText('1,200')).toBeInTheDocument();
    expect(screen.getByText('14.0%')).toBeInTheDocument();
    expect(screen.getByText('3 rows')).toBeInTheDocument();
  });

  it('sorts by a column ascending, then descending, numerically, nulls last', async () => {
    render(<ResultTable columns={columns} rows={rows} />);
    const countHeader = screen.getByRole('columnheader', { name: /claim_count/ });
    expect(countHeader).toHaveAttribute('aria-sort', 'none');
    expect(firstColumn()).toEqual(['BlueCross', 'Aetna', 'UnitedHealth']);

    await userEvent.click(within(countHeader).getByRole('button'));
    const dir1 = countHeader.getAttribute('aria-sort');
    const order1 = firstColumn();
    await userEvent.click(within(countHeader).getByRole('button'));
    const dir2 = countHeader.getAttribute('aria-sort');
    const order2 = firstColumn();
    // TanStack sorts numbers descending first; either way both directions must be correct.
    const asc = ['UnitedHealth', 'BlueCross', 'Aetna'];
    const desc = ['Aetna', 'BlueCross', 'UnitedHealth'];
    expect([dir1, dir2].sort()).toEqual(['ascending', 'descending']);
    expect(dir1 === 'ascending' ? order1 : order2).toEqual(asc);
    expect(dir1 === 'descending' ? order1 : order2).toEqual(desc);

    const rateHeader = screen.getByRole('columnheader', { name: /denial_rate/ });
    await userEvent.click(within(rateHeader).getByRole('button'));
    expect(firstColumn().at(-1)).toBe('Aetna'); // null last
    await userEvent.click(within(rateHeader).getByRole('button'));
    expect(firstColumn().at(-1)).toBe('Aetna'); // still last
  });

  it('downloads the rows as CSV, raw values, in the order shown', async () => {
    const spy = vi.spyOn(csv, 'downloadText').mockImplementation(() => {});
    render(<ResultTable columns={columns} rows={rows} title="Denial rate by payer?" />);
    const payerHeader = screen.getByRole('columnheader', { name: /payer/ });
    await userEvent.click(within(payerHeader).getByRole('button'));
    if (payerHeader.getAttribute('aria-sort') !== 'ascending') await userEvent.click(within(payerHeader).getByRole('button'));
    await userEvent.click(screen.getByRole('button', { name: /download csv/i }));
    expect(spy).toHaveBeenCalledTimes(1);
    const [filename, text] = spy.mock.calls[0];
    expect(filename).toBe('denial-rate-by-payer.csv');
    expect(text).toBe('payer,claim_count,denial_rate\r\nAetna,1200,\r\nBlueCross,900,0.08\r\nUnitedHealth,50,0.14\r\n');
    spy.mockRestore();
  });

  it('shows an empty state and a truncated note', () => {
    render(<ResultTable columns={columns} rows={[]} truncated rowCount={0} />);
    expect(screen.getByText('No rows.')).toBeInTheDocument();
    expect(screen.getByText('0 rows (truncated)')).toBeInTheDocument();
  });
});
