import { describe, expect, it } from 'vitest';
import { itemOutcomesOf } from './item-outcome.js';

describe('itemOutcomesOf', () => {
  it('returns the outcomes of a result that carries them', () => {
    const outcomes = [
      { item: 'A', outcome: 'done' },
      { item: 'B', outcome: 'failed', detail: 'BUNDLE_UNBALANCED' },
    ];
    expect(itemOutcomesOf({ consos: [], outcomes })).toEqual(outcomes);
  });

  it('returns undefined for results without outcomes or with another shape', () => {
    expect(itemOutcomesOf(undefined)).toBeUndefined();
    expect(itemOutcomesOf(42)).toBeUndefined();
    expect(itemOutcomesOf({ outcomes: [] })).toBeUndefined();
    expect(itemOutcomesOf({ outcomes: [{ item: 'A' }] })).toBeUndefined();
    expect(itemOutcomesOf({ outcomes: [{ item: 'A', outcome: 'done', detail: 3 }] })).toBeUndefined();
  });
});
