import { sql } from 'kysely';
import { scopedBundles } from './bundle-filter.js';
import {
  type CheckResult,
  type CheckScope,
  companyCode,
  fromCents,
  type RuleOutcome,
  toleranceCents,
  type ValidationFailure,
} from './validation-types.js';

/** Key of the note on a pair whose amounts lacked a closing rate (converted at 1). */
export const MISSING_RATE_NOTE = 'other.report.note.missingRate';

/** One pair of partners under one rule, amounts in reference-currency cents. */
interface Pair {
  rule: string;
  name: string;
  tolerance: number;
  a: string;
  b: string;
  aCents: number;
  bCents: number;
  missingRate: boolean;
}

/**
 * Intercompany matching of the customer's `ic_rules`: for each rule and each pair of companies,
 * what company X books on the rule's side-A accounts towards partner Y must offset what Y books
 * on the side-B accounts towards X, within the rule's tolerance. One grouped query sums every
 * rule, side, company and partner in local currency; each sum is then converted to the customer's
 * reference currency at the period's closing rate, so partners reporting in different currencies
 * compare.
 */
export async function intercompanyChecks(scope: CheckScope): Promise<CheckResult> {
  const sums = await scopedBundles(scope)
    .innerJoin('ic_rule_accounts as ra', 'ra.account_id', 'b.account_id')
    .innerJoin('ic_rules as r', 'r.id', 'ra.ic_rule_id')
    .where('r.customer_id', '=', scope.customerId)
    .where('b.partner_company_id', 'is not', null)
    .select([
      'r.code as rule',
      'r.name as name',
      'r.tolerance as tolerance',
      'ra.side as side',
      'b.company_id as company_id',
      'b.partner_company_id as partner_id',
      sql<number>`sum(round(${sql.ref('b.amount')} * 100, 0))`.as('cents'),
    ])
    .groupBy(['r.code', 'r.name', 'r.tolerance', 'ra.side', 'b.company_id', 'b.partner_company_id'])
    .execute();
  const rates = new Map(
    (
      await scope.db
        .selectFrom('exchange_rates')
        .select(['currency', 'closing_rate'])
        .where('period_id', '=', scope.periodId)
        .where('category_id', '=', scope.categoryId)
        .execute()
    ).map((row) => [row.currency, Number(row.closing_rate)]),
  );
  const pairs = new Map<string, Pair>();
  for (const sum of sums) {
    const currency = scope.companies.get(sum.company_id)?.currency ?? scope.referenceCurrency;
    const rate = currency === scope.referenceCurrency ? 1 : rates.get(currency);
    const cents = Math.round(Number(sum.cents) * (rate ?? 1));
    const [a, b] = sum.side === 'A' ? [sum.company_id, sum.partner_id] : [sum.partner_id, sum.company_id];
    const key = `${sum.rule}\u0000${a}\u0000${b}`;
    const pair = pairs.get(key) ?? {
      rule: sum.rule,
      name: sum.name,
      tolerance: Number(sum.tolerance),
      a: companyCode(scope, a as number),
      b: companyCode(scope, b as number),
      aCents: 0,
      bCents: 0,
      missingRate: false,
    };
    pairs.set(key, pair);
    if (sum.side === 'A') pair.aCents += cents;
    else pair.bCents += cents;
    if (rate === undefined) pair.missingRate = true;
  }
  const ordered = [...pairs.values()].sort(
    (x, y) => compare(x.rule, y.rule) || compare(x.a, y.a) || compare(x.b, y.b),
  );
  const outcomes = new Map<string, RuleOutcome>();
  const failures: ValidationFailure[] = [];
  for (const pair of ordered) {
    const outcome = outcomes.get(pair.rule) ?? {
      rule: pair.rule,
      name: pair.name,
      kind: 'intercompany' as const,
      checks: 0,
      failures: 0,
      blocking: false,
    };
    outcomes.set(pair.rule, outcome);
    outcome.checks += 1;
    const difference = pair.aCents + pair.bCents;
    if (Math.abs(difference) <= toleranceCents(pair.tolerance) && !pair.missingRate) continue;
    outcome.failures += 1;
    failures.push({
      rule: pair.rule,
      kind: 'intercompany',
      company: pair.a,
      partner: pair.b,
      expected: fromCents(-pair.bCents),
      actual: fromCents(pair.aCents),
      difference: fromCents(difference),
      blocking: false,
      note: pair.missingRate ? MISSING_RATE_NOTE : null,
    });
  }
  return { outcomes: [...outcomes.values()], failures };
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
