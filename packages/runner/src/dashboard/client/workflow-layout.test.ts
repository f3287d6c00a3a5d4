import { describe, expect, it } from 'vitest';
import { stepLevels } from './workflow-layout.js';

const ids = (levels: { id: string }[][]) => levels.map((level) => level.map((s) => s.id));

describe('stepLevels', () => {
  it('puts each step one level after the deepest step it runs after, in declaration order', () => {
    const steps = [
      { id: 'report', after: ['sum', 'rates'] },
      { id: 'rates', after: [] },
      { id: 'ledger', after: [] },
      { id: 'sum', after: ['ledger'] },
      { id: 'notify', after: ['ledger', 'ledger'] },
    ];
    expect(ids(stepLevels(steps))).toEqual([['rates', 'ledger'], ['sum', 'notify'], ['report']]);
  });

  it('ignores unknown parents and keeps the steps of a cycle in a last level', () => {
    const steps = [
      { id: 'a', after: ['ghost'] },
      { id: 'b', after: ['c'] },
      { id: 'c', after: ['b'] },
      { id: 'd', after: ['a'] },
    ];
    expect(ids(stepLevels(steps))).toEqual([['a'], ['d'], ['b', 'c']]);
  });

  it('lays out a chain of 10,000 steps without recursion', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      after: i === 0 ? [] : [`s${i - 1}`],
    }));
    const levels = stepLevels(steps);
    expect(levels).toHaveLength(10_000);
    expect(levels[9_999]?.[0]?.id).toBe('s9999');
  });
});
