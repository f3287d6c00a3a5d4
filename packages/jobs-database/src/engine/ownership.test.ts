import { describe, expect, it } from 'vitest';
import { calculateIndirectPercentages } from './ownership.js';
import type { HoldingInput, OwnershipInput, OwnershipResult } from './ownership-types.js';
import { expectOwnershipInvariants } from './testing/ownership-invariants.js';

function holding(holder: string, held: string, fin: number, ctrl = fin): HoldingInput {
  return { holder, held, fin, ctrl };
}

function run(input: OwnershipInput): OwnershipResult {
  const result = calculateIndirectPercentages(input);
  if (input.overrides === undefined) expectOwnershipInvariants(input, result);
  return result;
}

function company(result: OwnershipResult, name: string) {
  const c = result.companies.get(name);
  if (c === undefined) throw new Error(`missing ${name}`);
  return c;
}

describe('calculateIndirectPercentages on constructed groups', () => {
  it('solves cross-holdings through the inverse, not by summing direct paths', () => {
    // g_A = 0.7 + 0.1·g_B and g_B = 0.6 + 0.2·g_A.
    const result = run({
      parent: 'P',
      companies: ['P', 'A', 'B'],
      holdings: [
        holding('P', 'A', 0.7),
        holding('P', 'B', 0.6),
        holding('A', 'B', 0.2),
        holding('B', 'A', 0.1),
      ],
    });
    expect(company(result, 'A').interest).toBeCloseTo(0.76 / 0.98, 12);
    expect(company(result, 'B').interest).toBeCloseTo(0.6 + (0.2 * 0.76) / 0.98, 12);
    expect(company(result, 'A').control).toBeCloseTo(0.8, 12);
    expect(company(result, 'B').control).toBeCloseTo(0.8, 12);
    expect(company(result, 'A').exact?.interest.toString()).toBe('38/49');
  });

  it('gives 76.92% / 19.23% on the cycle P→A 75%, A→B 25%, B→A 10%', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'A', 'B'],
      holdings: [holding('P', 'A', 0.75), holding('A', 'B', 0.25), holding('B', 'A', 0.1)],
    });
    const a = company(result, 'A');
    const b = company(result, 'B');
    expect(a.interest).toBeCloseTo(0.75 / 0.975, 12);
    expect(b.interest).toBeCloseTo((0.25 * 0.75) / 0.975, 12);
    // B is only an associate: its 10% of A does not count for control.
    expect(a.control).toBeCloseTo(0.75, 12);
    expect(b.method).toBe('E');
    expect(b.minority).toBeCloseTo(0.25 * (1 - a.interest), 12);
    expect(b.integration).toBeCloseTo(0.25, 12);
  });

  it('takes the least fixed point: mutual 30% stakes do not create control', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'A', 'B'],
      holdings: [
        holding('P', 'A', 0.3),
        holding('P', 'B', 0.3),
        holding('A', 'B', 0.3),
        holding('B', 'A', 0.3),
      ],
    });
    expect(company(result, 'A').control).toBeCloseTo(0.3, 12);
    expect(company(result, 'B').control).toBeCloseTo(0.3, 12);
    expect(company(result, 'A').method).toBe('E');
    expect(company(result, 'B').method).toBe('E');
  });

  it('treats a 50% joint venture as P, or E with no_proportional', () => {
    const base: OwnershipInput = {
      parent: 'P',
      companies: ['P', 'S', 'J'],
      holdings: [holding('P', 'S', 0.8), holding('S', 'J', 0.5)],
    };
    const proportional = run(base);
    const j = company(proportional, 'J');
    expect(j.method).toBe('P');
    expect(j.control).toBeCloseTo(0.5, 12);
    expect(j.interest).toBeCloseTo(0.4, 12);
    expect(j.minority).toBeCloseTo(0.1, 12);
    expect(j.integration).toBeCloseTo(0.5, 12);
    const equity = run({ ...base, noProportional: true });
    expect(company(equity, 'J').method).toBe('E');
    expect(company(equity, 'J').integration).toBeCloseTo(0.5, 12);
  });

  it('applies the 50% test with a 1e-9 tolerance', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'J', 'K'],
      holdings: [holding('P', 'J', 0.5 + 5e-10), holding('P', 'K', 0.5 + 1e-6)],
    });
    expect(company(result, 'J').method).toBe('P');
    expect(company(result, 'K').method).toBe('G');
  });

  it('ignores the votes of an associate that holds part of a subsidiary', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'A', 'S'],
      holdings: [holding('P', 'A', 0.3), holding('P', 'S', 0.55), holding('A', 'S', 0.4)],
    });
    const s = company(result, 'S');
    expect(company(result, 'A').method).toBe('E');
    expect(s.control).toBeCloseTo(0.55, 12);
    expect(s.method).toBe('G');
    expect(s.interest).toBeCloseTo(0.55 + 0.3 * 0.4, 12);
    expect(s.minority).toBeCloseTo(1 - 0.67, 12);
  });

  it('ignores shares of the parent held inside the group', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'S', 'T'],
      holdings: [holding('P', 'S', 0.8), holding('S', 'P', 0.1), holding('S', 'T', 0.5)],
    });
    expect(company(result, 'P').interest).toBe(1);
    expect(company(result, 'S').interest).toBeCloseTo(0.8, 12);
    expect(company(result, 'T').interest).toBeCloseTo(0.4, 12);
  });

  it('classes below 20% as N, with zero integration', () => {
    const result = run({ parent: 'P', companies: ['P', 'X'], holdings: [holding('P', 'X', 0.15)] });
    expect(company(result, 'X').method).toBe('N');
    expect(company(result, 'X').integration).toBe(0);
  });

  it('lets manual overrides win, and counts the votes of a company forced to G', () => {
    const result = calculateIndirectPercentages({
      parent: 'P',
      companies: ['P', 'A', 'B'],
      holdings: [holding('P', 'A', 0.4), holding('A', 'B', 0.6)],
      overrides: { A: { method: 'G' } },
    });
    expect(company(result, 'A').method).toBe('G');
    expect(company(result, 'A').minority).toBeCloseTo(0.6, 12);
    expect(company(result, 'B').control).toBeCloseTo(0.6, 12);
    expect(company(result, 'B').method).toBe('G');
    const forced = calculateIndirectPercentages({
      parent: 'P',
      companies: ['P', 'A'],
      holdings: [holding('P', 'A', 0.4)],
      overrides: { A: { interest: 0.45, integration: 0.45 } },
    });
    expect(company(forced, 'A').interest).toBe(0.45);
    expect(company(forced, 'A').integration).toBe(0.45);
    expect(company(forced, 'A').method).toBe('E');
  });

  it('computes direct percentages from share registers with treasury shares and classes', () => {
    const result = run({
      parent: 'P',
      companies: ['P', 'A'],
      shareClasses: {
        A: [
          { name: 'ORD', issued: 1000, treasury: 100, votesPerShare: 1, dividendRightsPerShare: 1 },
          { name: 'PREF', issued: 500, treasury: 0, votesPerShare: 0, dividendRightsPerShare: 2 },
        ],
      },
      shareholdings: [
        { holder: 'P', held: 'A', shareClass: 'ORD', shares: 450 },
        { holder: 'P', held: 'A', shareClass: 'PREF', shares: 500 },
      ],
    });
    const direct = result.direct[0];
    expect(direct?.exactCtrl.toString()).toBe('1/2');
    expect(direct?.exactFin.toString()).toBe('29/38');
    expect(company(result, 'A').method).toBe('P');
  });
});
