import { sql } from 'kysely';
import { scopedBundles } from './bundle-filter.js';
import {
  byCompany,
  type CheckResult,
  type CheckScope,
  companyCode,
  fromCents,
  toleranceCents,
} from './validation-types.js';

/** Code of the built-in balance rule in reports. */
export const BALANCE_RULE = 'BALANCE';

/**
 * Debits = credits: every company's bundle must sum to 0 within `tolerance`. One grouped query;
 * amounts are summed in cents so SQLite's binary floating point compares exactly.
 */
export async function balanceChecks(scope: CheckScope, tolerance: number): Promise<CheckResult> {
  const grouped = await scopedBundles(scope)
    .select(['b.company_id', sql<number>`sum(round(${sql.ref('b.amount')} * 100, 0))`.as('cents')])
    .groupBy('b.company_id')
    .execute();
  return balanceFromTotals(
    scope,
    tolerance,
    grouped.map((row) => [row.company_id, Number(row.cents)]),
  );
}

/**
 * The balance check on totals already summed per company (id, cents), e.g. by the relation
 * rules' pass over the same bundles (`evaluateValidationRules` with `totals`).
 */
export function balanceFromTotals(
  scope: CheckScope,
  tolerance: number,
  totals: Iterable<readonly [companyId: number, cents: number]>,
): CheckResult {
  const rows = byCompany(
    [...totals].map(([companyId, cents]) => ({ company: companyCode(scope, companyId), cents })),
  );
  const limit = toleranceCents(tolerance);
  const failures = rows
    .filter((row) => Math.abs(row.cents) > limit)
    .map((row) => ({
      rule: BALANCE_RULE,
      kind: 'balance' as const,
      company: row.company,
      partner: null,
      expected: 0,
      actual: fromCents(row.cents),
      difference: fromCents(row.cents),
      blocking: true,
      note: null,
    }));
  return {
    outcomes: [
      {
        rule: BALANCE_RULE,
        name: 'other.report.rule.balance',
        kind: 'balance',
        checks: rows.length,
        failures: failures.length,
        blocking: true,
      },
    ],
    failures,
    companies: rows.length,
  };
}
