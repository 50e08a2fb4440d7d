import { describe, expect, it } from 'vitest';
import { niceAxis } from './nice-axis';

describe('niceAxis', () => {
  it('rounds a rate axis up to round percent ticks', () => {
    expect(niceAxis(0.168)).toEqual({ max: 0.2, ticks: [0, 0.05, 0.1, 0.15, 0.2] });
    expect(niceAxis(0.12)).toEqual({ max: 0.125, ticks: [0, 0.025, 0.05, 0.075, 0.1, 0.125] });
    expect(niceAxis(0.03)).toEqual({ max: 0.03, ticks: [0, 0.01, 0.02, 0.03] });
    expect(niceAxis(0.9)).toEqual({ max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('works at any magnitude and for an empty range', () => {
    expect(niceAxis(730)).toEqual({ max: 800, ticks: [0, 200, 400, 600, 800] });
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});
