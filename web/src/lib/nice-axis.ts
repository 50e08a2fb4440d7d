/**
 * Round axis ticks from 0 up to at least `upTo`: steps of 1, 2, 2.5 or 5 times a power of ten,
 * at most `maxSteps` of them (0.168 → 0, 0.05, …, 0.2), so a percent axis reads 0% 5% 10% 15% 20%.
 */
export function niceAxis(upTo: number, maxSteps = 5): { max: number; ticks: number[] } {
  if (!Number.isFinite(upTo) || upTo <= 0) return { max: 1, ticks: [0, 1] };
  let magnitude = 10 ** Math.floor(Math.log10(upTo / maxSteps));
  for (;;) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * magnitude;
      if (upTo / step <= maxSteps + 1e-9) {
        const n = Math.max(1, Math.ceil(upTo / step - 1e-9));
        const ticks = Array.from({ length: n + 1 }, (_, i) => +(i * step).toPrecision(12));
        return { max: ticks[ticks.length - 1], ticks };
      }
    }
    magnitude *= 10;
  }
}
