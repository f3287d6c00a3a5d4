import { describe, expect, it } from 'vitest';
import { translateFlows } from './flow-translation.js';

describe('translateFlows', () => {
  it('plugs the difference between closing at closing rate and flows at their rates', () => {
    const result = translateFlows({
      openingRate: 1.5,
      average: 1.2,
      closing: 1.1,
      flowsLc: { F00: 100, F20: 50, F30: -20 },
      flowRates: { F30: 1.3 },
    });
    expect(result.closingGc).toBeCloseTo(130 * 1.1, 9);
    expect(result.flowsGc.F00).toBeCloseTo(150, 9);
    expect(result.flowsGc.F20).toBeCloseTo(60, 9);
    expect(result.flowsGc.F30).toBeCloseTo(-26, 9);
    expect(result.flowsGc.TRANSLATION_DIFF).toBeCloseTo(143 - 150 - 60 + 26, 9);
    const total = Object.values(result.flowsGc).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(result.closingGc, 9);
  });
});
