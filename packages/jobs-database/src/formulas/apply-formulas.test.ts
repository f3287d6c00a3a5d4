import { describe, expect, it } from 'vitest';
import { AccountChart } from '../engine/index.js';
import { applyFormulas } from './apply-formulas.js';
import { parseFormula } from './formula-parser.js';

const chart = new AccountChart([
  { code: 'REC', type: 'BS', rate: 'CC', role: 'ic' },
  { code: 'PAY', type: 'BS', rate: 'CC', role: 'ic' },
  { code: 'DIFF', type: 'PL', rate: 'AC' },
  { code: 'REV', type: 'PL', rate: 'AC' },
  { code: 'RE', type: 'EQ', rate: 'HC', role: 'retained_earnings' },
  { code: 'STAT', type: 'BS', rate: 'NR' },
]);
const formula = (target: string, expression: string) => ({
  target,
  expression,
  tree: parseFormula(expression),
});
const pct = { method: 'G' as const, group: 0.8, minority: 0.2, integration: 1 };

describe('applyFormulas', () => {
  it('sets the target to the value, offsets retained earnings, and lets later formulas see it', () => {
    const lines = [
      { account: 'REC', amount: 100 },
      { account: 'PAY', amount: -90 },
      { account: 'REV', amount: -500 },
      { account: 'DIFF', amount: 4 },
      { account: 'RE', amount: 486 },
    ];
    const out = applyFormulas(
      [formula('DIFF', '[REC] + [PAY]'), formula('STAT', 'ROUND(DIFF * MINORITY_PCT - RESULT / 100, 2)')],
      lines,
      chart,
      pct,
    );
    expect(out).toEqual([
      { account: 'DIFF', amount: 6, fromFormula: true },
      { account: 'RE', amount: -6, fromFormula: true },
      // DIFF is now 10 and RESULT = -500 + 10 = -490: 10 × 0.2 + 4.9.
      { account: 'STAT', amount: 6.9, fromFormula: true },
      { account: 'RE', amount: -6.9, fromFormula: true },
    ]);
    const total = [...lines, ...out].reduce((sum, l) => sum + l.amount, 0);
    expect(total).toBeCloseTo(0, 9);
  });

  it('books nothing when the target already has the value', () => {
    expect(applyFormulas([formula('DIFF', '4')], [{ account: 'DIFF', amount: 4 }], chart, pct)).toEqual([]);
  });
});
