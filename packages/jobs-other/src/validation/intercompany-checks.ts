import { sql } from 'kysely';
import { scopedBundles } from './bundle-filter.js';
import {
  type CheckResult,
  type CheckScope,
  fromCents,
  type RuleOutcome,
  toleranceCents,
  type ValidationFailure,
} from './validation-types.js';

/** Key of the note on a pair whose amounts lacked a closing rate (converted at 1). */
export const MISSING_RATE_NOTE = 'other.report.note.missingRate';

/**
 * Intercompany matching of the customer's `ic_rules`: for each rule and each pair of companies,
 * what company X books on the rule's side-A accounts towards partner Y must offset what Y books
 * on the side-B accounts towards X, within the rule's tolerance. Amounts are converted to the
 * customer's reference currency at the period's closing rate, so partners reporting in different
 * currencies compare. One grouped query over every rule and pair at once.
 */
export async function intercompanyChecks(scope: CheckScope): Promise<CheckResult> {
  const side = sql.ref('ra.side');
  const rate = sql`case when ${sql.ref('c.currency')} = ${scope.referenceCurrency} then 1 else ${sql.ref('x.closing_rate')} end`;
  const cents = sql`round(${sql.ref('b.amount')} * coalesce(${rate}, 1) * 100, 0)`;
  const aCompany = sql<string>`case when ${side} = 'A' then ${sql.ref('c.code')} else ${sql.ref('p.code')} end`;
  const bCompany = sql<string>`case when ${side} = 'A' then ${sql.ref('p.code')} else ${sql.ref('c.code')} end`;
  const rows = await scopedBundles(scope)
    .innerJoin('companies as p', 'p.id', 'b.partner_company_id')
    .innerJoin('ic_rule_accounts as ra', 'ra.account_id', 'b.account_id')
    .innerJoin('ic_rules as r', 'r.id', 'ra.ic_rule_id')
    .leftJoin('exchange_rates as x', (join) =>
      join
        .onRef('x.period_id', '=', 'b.period_id')
        .onRef('x.category_id', '=', 'b.category_id')
        .onRef('x.currency', '=', 'c.currency'),
    )
    .where('r.customer_id', '=', scope.customerId)
    .where('p.customer_id', '=', scope.customerId)
    .select([
      'r.code as rule',
      'r.name as name',
      'r.tolerance as tolerance',
      aCompany.as('a_company'),
      bCompany.as('b_company'),
      sql<number>`sum(case when ${side} = 'A' then ${cents} else 0 end)`.as('a_cents'),
      sql<number>`sum(case when ${side} = 'B' then ${cents} else 0 end)`.as('b_cents'),
      sql<number>`sum(case when ${rate} is null then 1 else 0 end)`.as('missing_rates'),
    ])
    .groupBy(['r.code', 'r.name', 'r.tolerance', aCompany, bCompany])
    .orderBy('r.code')
    .orderBy(aCompany)
    .orderBy(bCompany)
    .execute();
  const outcomes = new Map<string, RuleOutcome>();
  const failures: ValidationFailure[] = [];
  for (const row of rows) {
    const outcome = outcomes.get(row.rule) ?? {
      rule: row.rule,
      name: row.name,
      kind: 'intercompany' as const,
      checks: 0,
      failures: 0,
      blocking: false,
    };
    outcomes.set(row.rule, outcome);
    outcome.checks += 1;
    const a = Number(row.a_cents);
    const b = Number(row.b_cents);
    const missing = Number(row.missing_rates) > 0;
    if (Math.abs(a + b) <= toleranceCents(row.tolerance) && !missing) continue;
    outcome.failures += 1;
    failures.push({
      rule: row.rule,
      kind: 'intercompany',
      company: row.a_company,
      partner: row.b_company,
      expected: fromCents(-b),
      actual: fromCents(a),
      difference: fromCents(a + b),
      blocking: false,
      note: missing ? MISSING_RATE_NOTE : null,
    });
  }
  return { outcomes: [...outcomes.values()], failures };
}
