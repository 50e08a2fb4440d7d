import { render, screen, within } from '@testing-library/react';
import type { PipelineSource } from '@/types/api';
import { SourcesList } from './SourcesList';

const sources: PipelineSource[] = [
  { payer: 'BlueCross', folder: 'bluecross', format: 'delimited', files: ['.csv'], mapping_file: 'built-in medflow/payers/bluecross.yaml', roll_up: false, rules: {} },
  { payer: 'Medicare', folder: 'cms-carrier', format: 'delimited', files: ['.csv'], mapping_file: '/srv/payers/cms-carrier.yaml', roll_up: true, rules: {} },
  { payer: 'Humana', folder: 'humana-837p', format: 'x12-837p', files: ['.837', '.edi'], mapping_file: '/srv/payers/humana-837p.yaml', roll_up: false, rules: { INVALID_NPI: 'WARN' } },
];

describe('SourcesList', () => {
  it('lists every source with its folder, format and mapping file', () => {
    render(<SourcesList sources={sources} />);
    const rows = screen.getAllByTestId('source-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('built-in medflow/payers/bluecross.yaml')).toBeInTheDocument();
    expect(within(rows[1]).getByText('lines roll up to claims')).toBeInTheDocument();
    expect(within(rows[2]).getByText('X12 837P (EDI)')).toBeInTheDocument();
    expect(within(rows[2]).getByText('humana-837p/')).toBeInTheDocument();
    expect(within(rows[2]).getByText('.837 .edi')).toBeInTheDocument();
    expect(within(rows[2]).getByText('INVALID_NPI: warn')).toBeInTheDocument();
  });
});
