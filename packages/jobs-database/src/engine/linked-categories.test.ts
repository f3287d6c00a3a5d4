import { describe, expect, it } from 'vitest';
import { AccountChart } from './accounts.js';
import { closingToOpening } from './linked-categories.js';

const chart = new AccountChart([
  { code: 'CASH', type: 'BS' },
  { code: 'SC', type: 'EQ' },
  { code: 'RE', type: 'EQ' },
  { code: 'REV', type: 'PL' },
]);

describe('closingToOpening', () => {
  it('creates retained earnings when the source has none, and the opening balances', () => {
    const result = closingToOpening({
      chart,
      retainedEarningsAccount: 'RE',
      sourceData: {
        A: [
          { account: 'CASH', amount: 150 },
          { account: 'SC', amount: -100 },
          { account: 'REV', amount: -50 },
        ],
      },
    });
    const opening = result.get('A');
    expect(Object.fromEntries(opening ?? [])).toEqual({ CASH: 150, SC: -100, RE: -50 });
    expect([...(opening ?? new Map()).values()].reduce((a, b) => a + b, 0)).toBe(0);
  });
});
