import { evaluateValidationRules } from '@hangar/conso-db';
import type { CheckResult, CheckScope } from './validation-types.js';

/**
 * With `totals`, the same pass also sums each company's bundle (see `balanceFromTotals`).
 *
 * The customer's enabled `validation_rules` (e.g. "result in equity = result in P&L"), evaluated
 * by conso-db's `evaluateValidationRules` — the same set-based queries the consolidation's
 * blocking check runs — and shaped as report lines. A broken rule fails the job before any is
 * evaluated (`ValidationRuleError`).
 */
export async function relationChecks(
  scope: CheckScope,
  onlyRules?: readonly string[],
  options: { totals?: boolean } = {},
): Promise<CheckResult & { totals?: ReadonlyMap<number, number> }> {
  const { outcomes, failures, totals } = await evaluateValidationRules(scope.db, scope, {
    rules: onlyRules,
    totals: options.totals === true,
  });
  return {
    ...(totals === undefined ? {} : { totals }),
    // Every rule is summed over every company of the scope, so any outcome counts them.
    ...(outcomes[0] === undefined ? {} : { companies: outcomes[0].checks }),
    outcomes: outcomes.map((outcome) => ({ ...outcome, kind: 'relation' })),
    failures: failures.map((failure) => ({
      rule: failure.rule,
      kind: 'relation',
      company: failure.company,
      partner: null,
      expected: failure.expected,
      actual: failure.actual,
      difference: failure.difference,
      blocking: failure.blocking,
      note: null,
    })),
  };
}
