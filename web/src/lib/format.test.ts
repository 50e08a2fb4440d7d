import { toCsv } from './csv';
import { formatCell, formatMs, humanize, valueKind } from './format';

describe('formatCell', () => {
  it('formats by what the column means', () => {
    expect(formatCell(0.1234, { name: 'denial_rate', type: 'double' })).toBe('12.3%');
    expect(formatCell(1240.5, { name: 'total_billed_amount', type: 'decimal' })).toBe('$1,240.50');
    expect(formatCell(12345, { name: 'claim_count', type: 'integer' })).toBe('12,345');
    expect(formatCell(null, { name: 'x', type: 'string' })).toBe('—');
    expect(formatCell('E11.9', { name: 'primary_diagnosis', type: 'string' })).toBe('E11.9');
  });
  it('classifies columns', () => {
    expect(valueKind({ name: 'avg_processing_days', type: 'double' })).toBe('days');
    expect(valueKind({ name: 'payer', type: 'string' })).toBe('text');
  });
  it('formats durations and names', () => {
    expect(formatMs(42)).toBe('42 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatMs(125_000)).toBe('2m 5s');
    expect(humanize('sql_generator')).toBe('SQL generator');
    expect(humanize('api')).toBe('API');
    expect(humanize('verify_bronze')).toBe('Verify bronze');
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 CSV with quoting', () => {
    const csv = toCsv(
      [{ name: 'provider', type: 'string' }, { name: 'n', type: 'integer' }],
      [['Lakeside Family Medicine, PC', 3], ['Say "hi"', null]],
    );
    expect(csv).toBe('provider,n\r\n"Lakeside Family Medicine, PC",3\r\n"Say ""hi""",\r\n');
  });
});
