import { expect } from 'vitest';
import { AMOUNT_TOLERANCE, sumAmounts } from '../amounts.js';
import type { ConsolidationRunResult } from '../consolidation-run.js';
import type { ConsolidatedLine, ConsolidationRunInput, LineInput } from '../run-types.js';

/** Net result (profit positive) of a set of lines: −Σ PL. */
function netResult(
  input: ConsolidationRunInput,
  lines: readonly { account: string; amount: number }[],
): number {
  return -sumAmounts(lines.filter((l) => input.chart.typeOf(l.account) === 'PL').map((l) => l.amount));
}

function close(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThan(AMOUNT_TOLERANCE);
}

/** The 100% adjusted group-currency data of one company, read back from the run's lines. */
function companyData(result: ConsolidationRunResult, company: string): ConsolidatedLine[] {
  return result.companyData.get(company) ?? [];
}

/**
 * Asserts the invariants of SPEC §2.5 on a run: every trial balance balances (I1), IC
 * eliminations leave result and equity alone (I2), the group result equals the group's share of
 * each company's result less the eliminated intra-group dividends (I3), net assets equal group
 * equity plus NCI (I5), the CTA split follows g (I6) and k = g + m (I7).
 */
export function expectRunInvariants(input: ConsolidationRunInput, result: ConsolidationRunResult): void {
  // I1
  for (const [company, totals] of result.translatedBundles)
    close(sumAmounts(totals.values()), 0, `bundle ${company}`);
  for (const [journal, totals] of result.translatedAdjustments)
    close(sumAmounts(totals.values()), 0, `journal ${journal}`);
  for (const origin of ['ic_elimination', 'dividend_elimination'] as const) {
    close(sumAmounts(result.lines.filter((l) => l.origin === origin).map((l) => l.amount)), 0, origin);
  }
  const equityOrigins = ['elimination', 'goodwill', 'equity_value', 'cta_split', 'nci', 'conso_reserves'];
  close(
    sumAmounts(result.lines.filter((l) => equityOrigins.includes(l.origin)).map((l) => l.amount)),
    0,
    'equity elims',
  );
  close(sumAmounts(result.lines.map((l) => l.amount)), 0, 'consolidated TB');
  close(sumAmounts(result.consolidatedTb.values()), 0, 'reported consolidated TB');

  // I2
  const icLines = result.lines.filter((l) => l.origin === 'ic_elimination');
  close(netResult(input, icLines), 0, 'IC effect on result');
  close(
    sumAmounts(icLines.filter((l) => input.chart.typeOf(l.account) === 'EQ').map((l) => l.amount)),
    0,
    'IC on equity',
  );

  // I3: the dividend elimination takes k_h of the income out of the result.
  let expectedGroup = 0;
  for (const company of input.companies) {
    if (company.percentages.method === 'N') continue;
    expectedGroup += company.percentages.group * netResult(input, companyData(result, company.code));
  }
  for (const line of result.lines) {
    if (line.origin === 'dividend_elimination' && input.chart.typeOf(line.account) === 'PL')
      expectedGroup -= line.amount;
  }
  close(result.result.group, expectedGroup, 'I3 group result');
  close(result.result.total, result.result.group + result.result.nci, 'result split');

  // I5
  const nciAccount = input.chart.special('nci');
  const netAssets = sumAmounts(
    result.lines.filter((l) => input.chart.typeOf(l.account) === 'BS').map((l) => l.amount),
  );
  const equityLines = result.lines.filter((l) => input.chart.typeOf(l.account) === 'EQ');
  const nci = -sumAmounts(equityLines.filter((l) => l.account === nciAccount).map((l) => l.amount));
  const groupEquity =
    -sumAmounts(equityLines.filter((l) => l.account !== nciAccount).map((l) => l.amount)) +
    result.result.group;
  close(netAssets, groupEquity + nci, 'I5 net assets');

  // I6: consolidated CTA is the group's share of each company's CTA.
  const ctaAccount = input.chart.special('cta');
  let expectedCta = 0;
  for (const company of input.companies) {
    if (company.percentages.method === 'N') continue;
    const t = sumAmounts(
      companyData(result, company.code)
        .filter((l) => l.account === ctaAccount)
        .map((l) => l.amount),
    );
    expectedCta += company.percentages.group * t;
  }
  close(result.consolidatedTb.get(ctaAccount) ?? 0, expectedCta, 'I6 CTA split');

  // I7
  for (const company of input.companies) {
    const p = company.percentages;
    if (p.method === 'G')
      expect(Math.abs(p.group + p.minority - 1), `${company.code} g + m`).toBeLessThan(1e-9);
    if (p.method === 'E' || p.method === 'P') {
      expect(Math.abs(p.group + p.minority - p.integration), `${company.code} k = g + m`).toBeLessThan(1e-9);
    }
  }
}

/** Opening position of a foreign company for the CTA roll-forward identity. */
export interface CtaRollforward {
  /** Net assets at the opening, local currency. */
  readonly openingNetAssetsLc: number;
  /** Closing rate of the prior period. */
  readonly openingRate: number;
  /** CTA balance at the opening (TB sign). */
  readonly openingCtaTb: number;
}

/**
 * Asserts the CTA identity of SPEC §2.2 for a company whose only equity movement is the result:
 * CTA_close = CTA_open − [NA_open·(C1 − C0) + NI·(C1 − AVG)], in equity-sign quantities.
 */
export function expectCtaIdentity(
  localLines: readonly LineInput[],
  typeOf: (account: string) => string | undefined,
  roll: CtaRollforward,
  closing: number,
  average: number,
  ctaTb: number,
): void {
  const ni = -sumAmounts(localLines.filter((l) => typeOf(l.account) === 'PL').map((l) => l.amount));
  const expected =
    roll.openingCtaTb - (roll.openingNetAssetsLc * (closing - roll.openingRate) + ni * (closing - average));
  close(ctaTb, expected, 'CTA identity');
}
