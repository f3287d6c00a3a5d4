import { describe, expect, it } from 'vitest';
import { CaseReader } from './case-reader.js';
import { runConsolidation } from './consolidation-run.js';
import { EngineError } from './errors/engine-error.js';
import { HoldingsOver100Error } from './errors/holdings-over-100-error.js';
import { OwnershipSingularError } from './errors/ownership-singular-error.js';
import { evaluateCase } from './evaluate-case.js';
import { calculateIndirectPercentages } from './ownership.js';
import type { OwnershipInput } from './ownership-types.js';
import { parseRunInput } from './parse-run-case.js';

function thrown(action: () => unknown): EngineError {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error('expected an engine error');
}

const h = (holder: string, held: string, fin: number) => ({ holder, held, fin, ctrl: fin });

describe('ownership errors', () => {
  it('rejects a closed cycle that holds itself 100%, naming its companies', () => {
    const input: OwnershipInput = {
      parent: 'P',
      companies: ['P', 'A', 'B', 'C'],
      holdings: [h('P', 'C', 0.6), h('A', 'B', 1), h('B', 'A', 1), h('A', 'C', 0.4)],
    };
    const err = thrown(() => calculateIndirectPercentages(input));
    expect(err.code).toBe('OWNERSHIP_SINGULAR');
    expect(err).toBeInstanceOf(OwnershipSingularError);
    expect((err as OwnershipSingularError).companies).toEqual(['A', 'B']);
  });

  it('rejects a company holding 100% of itself', () => {
    const err = thrown(() =>
      calculateIndirectPercentages({
        parent: 'P',
        companies: ['P', 'A'],
        holdings: [h('P', 'A', 0), h('A', 'A', 1)],
      }),
    );
    expect(err.code).toBe('OWNERSHIP_SINGULAR');
    expect(err.params.companies).toBe('A');
  });

  it('accepts a cycle that leaks to outside shareholders', () => {
    const result = calculateIndirectPercentages({
      parent: 'P',
      companies: ['P', 'A', 'B'],
      holdings: [h('P', 'A', 0.5), h('A', 'B', 1), h('B', 'A', 0.5)],
    });
    expect(result.companies.get('A')?.interest).toBeCloseTo(1, 9);
  });

  it('rejects a percentage outside [0, 1], naming holder, held and value', () => {
    const err = thrown(() =>
      calculateIndirectPercentages({ parent: 'P', companies: ['P', 'A'], holdings: [h('P', 'A', 80)] }),
    );
    expect(err.code).toBe('PERCENT_OUT_OF_RANGE');
    expect(err.params).toMatchObject({ holder: 'P', held: 'A', value: 80 });
    const negative = thrown(() =>
      calculateIndirectPercentages({ parent: 'P', companies: ['P', 'A'], holdings: [h('P', 'A', -0.1)] }),
    );
    expect(negative.code).toBe('PERCENT_OUT_OF_RANGE');
  });

  it('rejects an unknown company, parent included', () => {
    const err = thrown(() =>
      calculateIndirectPercentages({ parent: 'P', companies: ['P', 'A'], holdings: [h('P', 'X', 0.5)] }),
    );
    expect(err.code).toBe('UNKNOWN_COMPANY');
    expect(err.params.company).toBe('X');
    const parent = thrown(() =>
      calculateIndirectPercentages({ parent: 'Q', companies: ['P'], holdings: [] }),
    );
    expect(parent.code).toBe('UNKNOWN_COMPANY');
  });

  it('rejects holdings in one company above 100%, naming company and total', () => {
    const err = thrown(() =>
      calculateIndirectPercentages({
        parent: 'P',
        companies: ['P', 'A', 'B'],
        holdings: [h('P', 'A', 0.6), h('P', 'B', 0.6), h('B', 'A', 0.5)],
      }),
    );
    expect(err).toBeInstanceOf(HoldingsOver100Error);
    expect(err.code).toBe('HOLDINGS_OVER_100');
    expect(err.params.company).toBe('A');
    expect(err.params.total).toBeCloseTo(1.1, 12);
  });

  it('rejects a shareholding in an unknown share class', () => {
    const err = thrown(() =>
      calculateIndirectPercentages({
        parent: 'P',
        companies: ['P', 'A'],
        shareClasses: {
          A: [{ name: 'ORD', issued: 10, treasury: 0, votesPerShare: 1, dividendRightsPerShare: 1 }],
        },
        shareholdings: [{ holder: 'P', held: 'A', shareClass: 'PREF', shares: 5 }],
      }),
    );
    expect(err.code).toBe('UNKNOWN_SHARE_CLASS');
  });
});

describe('case input errors', () => {
  it('names a missing field', () => {
    const err = thrown(() =>
      evaluateCase({ step: 'CalculateIndirectPercentages', input: { companies: ['P'] } }),
    );
    expect(err.code).toBe('INVALID_CASE');
    expect(err.params.field).toBe('case.input.parent');
  });

  it('names a field of the wrong type', () => {
    const err = thrown(() =>
      evaluateCase({
        step: 'CalculateIndirectPercentages',
        input: { parent: 'P', companies: ['P', 'A'], holdings: [{ holder: 'P', held: 'A', fin: 'lots' }] },
      }),
    );
    expect(err.code).toBe('INVALID_CASE');
    expect(err.params.field).toBe('case.input.holdings[0].fin');
  });

  it('rejects an unknown step and a non-object case', () => {
    expect(thrown(() => evaluateCase({ step: 'Nope', input: {} })).code).toBe('UNKNOWN_STEP');
    expect(thrown(() => evaluateCase(42)).code).toBe('INVALID_CASE');
  });
});

describe('run errors', () => {
  const base = {
    group_currency: 'EUR',
    parent: 'P',
    accounts: { CASH: { type: 'BS', rate: 'CC' }, SC: { type: 'EQ', rate: 'HC' } },
    companies: { P: { method: 'G', group_pct: 1 } },
  };

  it('rejects an unbalanced bundle', () => {
    const input = parseRunInput(
      new CaseReader({ ...base, bundles: { P: [{ account: 'CASH', amount: 10 }] } }, 'input'),
    );
    expect(thrown(() => runConsolidation(input)).code).toBe('BUNDLE_UNBALANCED');
  });

  it('rejects an unbalanced journal and an unknown account', () => {
    const journal = parseRunInput(
      new CaseReader(
        { ...base, adjustments: [{ journal: 'J1', company: 'P', lines: [{ account: 'CASH', amount: 1 }] }] },
        'input',
      ),
    );
    expect(thrown(() => runConsolidation(journal)).code).toBe('JOURNAL_UNBALANCED');
    const unknown = parseRunInput(
      new CaseReader(
        {
          ...base,
          bundles: {
            P: [
              { account: 'CASH', amount: 1 },
              { account: 'NOPE', amount: -1 },
            ],
          },
        },
        'input',
      ),
    );
    expect(thrown(() => runConsolidation(unknown)).code).toBe('UNKNOWN_ACCOUNT');
  });

  it('asks for a missing rate of a foreign company', () => {
    const input = parseRunInput(
      new CaseReader(
        {
          ...base,
          companies: { P: { method: 'G', group_pct: 1 }, F: { method: 'G', group_pct: 1, currency: 'USD' } },
          bundles: {
            F: [
              { account: 'CASH', amount: 1 },
              { account: 'SC', amount: -1 },
            ],
          },
        },
        'input',
      ),
    );
    expect(thrown(() => runConsolidation(input)).code).toBe('MISSING_RATE');
  });
});
