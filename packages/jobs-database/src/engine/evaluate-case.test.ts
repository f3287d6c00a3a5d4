import { describe, expect, it } from 'vitest';
import { CaseReader } from './case-reader.js';
import { runConsolidation } from './consolidation-run.js';
import { evaluateCase } from './evaluate-case.js';
import { calculateIndirectPercentages } from './ownership.js';
import { parseOwnershipInput } from './parse-ownership-case.js';
import { parseRunInput } from './parse-run-case.js';
import { expectMatches } from './testing/expect-matches.js';
import { expectOwnershipInvariants } from './testing/ownership-invariants.js';
import { loadReferenceCases } from './testing/reference-cases.js';
import { expectCtaIdentity, expectRunInvariants } from './testing/run-invariants.js';

const cases = loadReferenceCases();
const PERCENT_TOLERANCE = 1e-9;
const AMOUNT_TOLERANCE = 0.005;

function toleranceFor(step: string): number {
  return step === 'CalculateIndirectPercentages' ? PERCENT_TOLERANCE : AMOUNT_TOLERANCE;
}

describe('reference cases', () => {
  it('has the published cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, referenceCase) => {
    it('matches every expected number', () => {
      const output = evaluateCase(referenceCase);
      expectMatches(output, referenceCase.expected, toleranceFor(referenceCase.step));
    });

    it('never reads expected and outputs no commentary', () => {
      const { expected: _unused, ...withoutExpected } = referenceCase;
      const output = evaluateCase(withoutExpected);
      expect(output).toEqual(evaluateCase(referenceCase));
      expect(Object.keys(output)).not.toContain('analysis');
      expect(Object.keys(output)).not.toContain('notes');
    });
  });
});

const runCases = cases.filter((c) => c.step === 'ConsolidationRun');
const ownershipCases = cases.filter((c) => c.step === 'CalculateIndirectPercentages');

describe.skipIf(runCases.length === 0)('consolidation run cases: analysis and invariants', () => {
  describe.each(runCases.map((c) => [c.id, c] as const))('%s', (_id, referenceCase) => {
    const input = parseRunInput(new CaseReader(referenceCase.input, 'input'));
    const result = runConsolidation(input);
    const analysis = (referenceCase.expected.analysis ?? {}) as Record<string, unknown>;
    const tb = (account: string): number => result.consolidatedTb.get(account) ?? 0;

    it('satisfies the SPEC §2.5 invariants', () => {
      expectRunInvariants(input, result);
    });

    it('agrees with the published analysis', () => {
      const derived: Record<string, number | Record<string, number>> = {
        result_total: result.result.total,
        result_group: result.result.group,
        result_nci: result.result.nci,
        nci_balance: -tb(input.chart.special('nci')),
        cta_group_tb: tb(input.chart.special('cta')),
        equity_value: tb(input.chart.special('equity_value')),
        conso_reserves_by_company: Object.fromEntries(result.consoReservesByCompany),
      };
      if (!('goodwill_in_equity_value' in analysis)) derived.goodwill = tb(input.chart.special('goodwill'));
      for (const [key, value] of Object.entries(derived)) {
        if (key in analysis) expectMatches(value, analysis[key], AMOUNT_TOLERANCE, `analysis.${key}`);
      }
      if ('cta_company_tb' in analysis) {
        const perCompany = Object.fromEntries(
          [...result.translatedBundles].map(([company, totals]) => [
            company,
            totals.get(input.chart.special('cta')) ?? 0,
          ]),
        );
        expectMatches(perCompany, analysis.cta_company_tb, AMOUNT_TOLERANCE, 'analysis.cta_company_tb');
      }
    });

    it('reconciles the reference elimination journal to the TB', () => {
      const journal = referenceCase.expected.reference_elimination_journal as
        | { account: string; amount: number }[]
        | undefined;
      if (journal === undefined) return;
      const totals = new Map<string, number>();
      for (const company of input.companies) {
        if (company.percentages.method !== 'G') continue;
        for (const [account, amount] of result.translatedBundles.get(company.code) ?? []) {
          totals.set(account, (totals.get(account) ?? 0) + amount);
        }
      }
      for (const line of journal) totals.set(line.account, (totals.get(line.account) ?? 0) + line.amount);
      for (const [account, amount] of totals) {
        expect(Math.abs(amount - tb(account)), account).toBeLessThan(AMOUNT_TOLERANCE);
      }
    });

    it('satisfies the CTA roll-forward identity where one is given', () => {
      const rolls = (referenceCase.input.cta_rollforward ?? {}) as Record<string, Record<string, number>>;
      for (const [company, roll] of Object.entries(rolls)) {
        const info = input.companies.find((c) => c.code === company);
        const rates = info === undefined ? undefined : input.rates[info.currency];
        if (rates?.closing === undefined || rates.average === undefined) continue;
        const local = [
          ...(input.bundles[company] ?? []),
          ...input.adjustments
            .filter((j) => j.company === company && j.currency === 'local')
            .flatMap((j) => j.lines),
        ];
        const ctaAccount = input.chart.special('cta');
        const ctaTb =
          (result.translatedBundles.get(company)?.get(ctaAccount) ?? 0) +
          [...result.translatedAdjustments.entries()]
            .filter(([name]) => input.adjustments.some((j) => j.journal === name && j.company === company))
            .reduce((acc, [, totals]) => acc + (totals.get(ctaAccount) ?? 0), 0);
        expectCtaIdentity(
          local,
          (account) => input.chart.typeOf(account),
          {
            openingNetAssetsLc: roll.opening_net_assets_lc ?? 0,
            openingRate: roll.opening_rate ?? 0,
            openingCtaTb: roll.opening_cta_tb ?? 0,
          },
          rates.closing,
          rates.average,
          ctaTb,
        );
      }
    });
  });
});

describe.skipIf(ownershipCases.length === 0)('ownership cases: invariants', () => {
  it.each(ownershipCases.map((c) => [c.id, c] as const))('%s', (_id, referenceCase) => {
    const ownershipInput = parseOwnershipInput(new CaseReader(referenceCase.input, 'input'));
    expectOwnershipInvariants(ownershipInput, calculateIndirectPercentages(ownershipInput));
  });
});
