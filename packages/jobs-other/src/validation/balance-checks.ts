import { sql } from 'kysely';
import { scopedBundles } from './bundle-filter.js';
import { type CheckResult, type CheckScope, fromCents, toleranceCents } from './validation-types.js';

/** Code of the built-in balance rule in reports. */
export const BALANCE_RULE = 'BALANCE';

/**
 * Debits = credits: every company's bundle must sum to 0 within `tolerance`. One grouped query;
 * amounts are summed in cents so SQLite's binary floating point compares exactly.
 */
export async function balanceChecks(scope: CheckScope, tolerance: number): Promise<CheckResult> {
  const rows = await scopedBundles(scope)
    .select(['c.code as company', sql<number>`sum(round(${sql.ref('b.amount')} * 100, 0))`.as('cents')])
    .groupBy('c.code')
    .orderBy('c.code')
    .execute();
  const limit = toleranceCents(tolerance);
  const failures = rows
    .filter((row) => Math.abs(Number(row.cents)) > limit)
    .map((row) => ({
      rule: BALANCE_RULE,
      kind: 'balance' as const,
      company: row.company,
      partner: null,
      expected: 0,
      actual: fromCents(Number(row.cents)),
      difference: fromCents(Number(row.cents)),
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
  };
}
