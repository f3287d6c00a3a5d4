import { type Expression, type SqlBool, sql } from 'kysely';
import { ValidationRuleError } from '../errors/validation-rule-error.js';
import { scopedBundles } from './bundle-filter.js';
import { type ResolvedSelector, resolveSelector, ruleSelectorSchema } from './rule-selector.js';
import {
  byCompany,
  type CheckResult,
  type CheckScope,
  companyCode,
  fromCents,
  type RuleOutcome,
  toleranceCents,
  type ValidationFailure,
} from './validation-types.js';

/** A stored rule with its selectors resolved to ids. */
interface PreparedRule {
  code: string;
  name: string;
  operator: 'equal' | 'opposite';
  tolerance: number;
  blocking: boolean;
  left: ResolvedSelector;
  right: ResolvedSelector | undefined;
}

/**
 * The customer's enabled `validation_rules` (e.g. "result in equity = result in P&L"), each
 * evaluated on every company with one grouped query. Every rule is resolved first, so a broken
 * rule fails the job before any is evaluated.
 */
export async function relationChecks(scope: CheckScope, onlyRules?: readonly string[]): Promise<CheckResult> {
  const rules = await prepareRules(scope, onlyRules);
  const outcomes: RuleOutcome[] = [];
  const failures: ValidationFailure[] = [];
  for (const rule of rules) {
    const amount = sql`round(${sql.ref('b.amount')} * 100, 0)`;
    const right = rule.right === undefined ? sql<SqlBool>`1 = 0` : condition(rule.right);
    const grouped = await scopedBundles(scope)
      .select([
        'b.company_id',
        sql<number>`sum(case when ${condition(rule.left)} then ${amount} else 0 end)`.as('left_cents'),
        sql<number>`sum(case when ${right} then ${amount} else 0 end)`.as('right_cents'),
      ])
      .groupBy('b.company_id')
      .execute();
    const rows = byCompany(grouped.map((row) => ({ ...row, company: companyCode(scope, row.company_id) })));
    const outcome: RuleOutcome = {
      rule: rule.code,
      name: rule.name,
      kind: 'relation',
      checks: rows.length,
      failures: 0,
      blocking: rule.blocking,
    };
    for (const row of rows) {
      const left = Number(row.left_cents);
      const right = Number(row.right_cents);
      const expected = rule.operator === 'equal' ? right : -right;
      if (Math.abs(left - expected) <= toleranceCents(rule.tolerance)) continue;
      outcome.failures += 1;
      failures.push({
        rule: rule.code,
        kind: 'relation',
        company: row.company,
        partner: null,
        expected: fromCents(expected),
        actual: fromCents(left),
        difference: fromCents(left - expected),
        blocking: rule.blocking,
        note: null,
      });
    }
    outcomes.push(outcome);
  }
  return { outcomes, failures };
}

function condition(side: ResolvedSelector): Expression<SqlBool> {
  if (side.accountIds.length === 0) return sql<SqlBool>`1 = 0`;
  const accounts = sql<SqlBool>`${sql.ref('b.account_id')} in (${sql.join(side.accountIds)})`;
  if (side.flowIds === undefined) return accounts;
  if (side.flowIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${accounts} and ${sql.ref('b.flow_id')} in (${sql.join(side.flowIds)}))`;
}

async function prepareRules(scope: CheckScope, onlyRules?: readonly string[]): Promise<PreparedRule[]> {
  let query = scope.db
    .selectFrom('validation_rules')
    .selectAll()
    .where('customer_id', '=', scope.customerId)
    .where('enabled', '=', 1);
  if (onlyRules !== undefined)
    query = query.where('code', 'in', onlyRules.length > 0 ? [...onlyRules] : ['']);
  const rows = await query.orderBy('code').execute();
  if (rows.length === 0) return [];
  const accounts = await scope.db
    .selectFrom('accounts')
    .select(['id', 'code', 'type', 'role', 'is_summary'])
    .where('customer_id', '=', scope.customerId)
    .execute();
  const flowRows = await scope.db
    .selectFrom('flows')
    .select(['id', 'code'])
    .where('customer_id', '=', scope.customerId)
    .execute();
  const flows = new Map(flowRows.map((row) => [row.code, row.id]));
  const resolve = (code: string, text: string, side: string): ResolvedSelector => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ValidationRuleError(code, `${side} selector is not JSON`);
    }
    const parsed = ruleSelectorSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationRuleError(
        code,
        `${side} selector: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    const resolved = resolveSelector(parsed.data, accounts, flows);
    if (typeof resolved === 'string') throw new ValidationRuleError(code, `${side} selector: ${resolved}`);
    return resolved;
  };
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    operator: row.operator,
    tolerance: Number(row.tolerance),
    blocking: Number(row.is_blocking) === 1,
    left: resolve(row.code, row.left_selector, 'left'),
    right: row.right_selector === null ? undefined : resolve(row.code, row.right_selector, 'right'),
  }));
}
