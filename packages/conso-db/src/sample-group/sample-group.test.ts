import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLE_VALUES } from '../schema/column-kinds.js';
import { type CompanyBundleFacts, sampleBundleRows } from './bundle-rows.js';
import { buildChartOfAccounts, MIN_SAMPLE_ACCOUNTS } from './chart-of-accounts.js';
import { generateSampleGroup } from './generate-sample-group.js';
import { buildGroupStructure, SAMPLE_CURRENCIES } from './group-structure.js';
import { estimateOwnership } from './ownership-estimate.js';
import { createPrng, streamOf } from './prng.js';
import { icOffsets, icPairAmounts, sampleRates } from './sample-amounts.js';

describe('prng', () => {
  it('repeats for a seed, differs between seeds and stays in range', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createPrng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    const prng = streamOf(9, 'range');
    for (let i = 0; i < 1000; i++) {
      const value = prng.int(-3, 3);
      expect(value >= -3 && value <= 3 && Number.isInteger(value)).toBe(true);
    }
  });
});

describe('chart of accounts', () => {
  it('has exactly the requested size, unique codes, every role and valid parents', () => {
    for (const count of [MIN_SAMPLE_ACCOUNTS, 100, 2000]) {
      const chart = buildChartOfAccounts(count);
      expect(chart).toHaveLength(count);
      const codes = new Set(chart.map((a) => a.code));
      expect(codes.size).toBe(count);
      expect(new Set(chart.map((a) => a.role).filter((r) => r !== null))).toEqual(
        new Set(ACCOUNT_ROLE_VALUES),
      );
      for (const a of chart) if (a.parent !== null) expect(codes.has(a.parent)).toBe(true);
    }
  });
});

describe('group structure and ownership', () => {
  const structure = buildGroupStructure(12, 5);
  const ownership = estimateOwnership(12, 0, structure.holdings);
  const holding = (holder: number, held: number) =>
    structure.holdings.find((h) => h.holder === holder && h.held === held);

  it('places the associate, the joint venture, the cross-holding and preference shares', () => {
    expect(holding(0, 11)).toMatchObject({ fin: 0.3, ctrl: 0.3 });
    expect(holding(0, 10)).toMatchObject({ fin: 0.5, ctrl: 0.5 });
    expect(holding(2, 1)?.fin).toBeCloseTo(0.1, 6);
    expect(holding(1, 2)?.fin).toBeCloseTo(0.05, 6);
    expect(holding(0, 3)).toMatchObject({ fin: 0.8, ctrl: 1 });
    expect(ownership.map((o) => o.method)).toEqual([
      'G',
      'G',
      'G',
      'G',
      'G',
      'G',
      'G',
      'G',
      'G',
      'G',
      'P',
      'E',
    ]);
  });

  it('solves the cross-holding: g1 = 0.9 + 0.1 g2, g2 = 0.85 + 0.05 g1', () => {
    expect(ownership[1]!.groupPct).toBeCloseTo(0.985 / 0.995, 9);
    expect(ownership[2]!.groupPct).toBeCloseTo(0.85 + 0.05 * (0.985 / 0.995), 9);
    expect(ownership[2]!.controlPct).toBeCloseTo(0.9, 9);
    expect(ownership[1]!.minorityPct).toBeCloseTo(1 - 0.985 / 0.995, 9);
  });

  it('uses several currencies', () => {
    expect(new Set(structure.companies.map((c) => c.currency)).size).toBe(
      Object.keys(SAMPLE_CURRENCIES).length,
    );
  });
});

describe('bundle stream', () => {
  const seed = 77;
  const structure = buildGroupStructure(10, seed);
  const chart = buildChartOfAccounts(120);
  const rates = sampleRates(seed, SAMPLE_CURRENCIES, 1);
  const input = {
    seed,
    structure,
    chart,
    accountIds: new Map(chart.map((a, i) => [a.code, i + 1])),
    companyIds: structure.companies.map((c) => c.index + 100),
    openingFlowId: 1,
    movementFlowId: 2,
    periodId: 1,
    categoryId: 1,
    rates,
  };

  it('balances every company to exactly 0 in integer cents', () => {
    const cents = new Map<number, number>();
    for (const row of sampleBundleRows(input)) {
      expect(Number.isInteger(Math.round(row.amount * 100))).toBe(true);
      expect(Math.abs(row.amount * 100 - Math.round(row.amount * 100))).toBeLessThan(1e-6);
      cents.set(row.company_id, (cents.get(row.company_id) ?? 0) + Math.round(row.amount * 100));
    }
    expect([...cents.values()]).toEqual(new Array(10).fill(0));
  });

  it('streams one company at a time instead of building the whole group', () => {
    const facts: CompanyBundleFacts[] = [];
    const rows = sampleBundleRows(input, (f) => facts.push(f));
    rows.next();
    expect(facts.map((f) => f.index)).toEqual([0]);
  });

  it('makes intercompany pairs mostly, not always, agree', () => {
    let mismatched = 0;
    let pairs = 0;
    const big = buildGroupStructure(200, seed);
    for (let seller = 0; seller < 200; seller++) {
      for (const offset of icOffsets(200)) {
        const buyer = (seller + offset) % 200;
        const amounts = icPairAmounts(seed, big, rates, seller, buyer);
        const from = rates.get(big.companies[seller]!.currency)!.closing;
        const to = rates.get(big.companies[buyer]!.currency)!.closing;
        pairs++;
        if (Math.abs(amounts.receivable * from + amounts.payable * to) > to) mismatched++;
      }
    }
    expect(mismatched / pairs).toBeGreaterThan(0.05);
    expect(mismatched / pairs).toBeLessThan(0.3);
  });
});

describe('generateSampleGroup options', () => {
  it.each([
    [{ companies: 5, accounts: 100, seed: 1 }, 'companies'],
    [{ companies: 10, accounts: 3, seed: 1 }, 'accounts'],
    [{ companies: 10, accounts: 100, seed: 1.5 }, 'seed'],
  ])('rejects %j naming %s', async (options, option) => {
    await expect(generateSampleGroup(undefined as never, options)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      params: { option },
    });
  });
});
