import { describe, expect, it } from 'vitest';
import { rateAxis } from './AnswerChart';

describe('rateAxis', () => {
  const rate = { name: 'denial_rate', type: 'double' as const };

  it('gives a rate measure round percent ticks from zero', () => {
    const data = [
      { payer: 'Aetna', denial_rate: 0.087 },
      { payer: 'UnitedHealth', denial_rate: 0.168 },
    ];
    expect(rateAxis(data, ['denial_rate'], rate)).toEqual({ domain: [0, 0.2], ticks: [0, 0.05, 0.1, 0.15, 0.2] });
  });

  it("leaves other measures and out-of-range values to the chart's own axis", () => {
    expect(rateAxis([{ payer: 'Aetna', claims: 35000 }], ['claims'], { name: 'claims', type: 'integer' })).toEqual({});
    expect(rateAxis([{ payer: 'Aetna', denial_rate: 1.7 }], ['denial_rate'], rate)).toEqual({});
  });
});
