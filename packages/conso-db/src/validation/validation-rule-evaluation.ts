import type { Kysely } from 'kysely';
import { ValidationRuleError } from '../errors/validation-rule-error.js';
import type { ValidationOperator } from '../schema/column-kinds.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { type ResolvedSelector, resolveSelector, ruleSelectorSchema } from './rule-selector.js';
import { sideSumsByCompany } from './rule-side-sums.js';

/** The bundles rules are evaluated on: one period and category of one customer. */
export interface RuleEvaluationScope {
  readonly customerId: number;
  /** A period of that customer (periods are per customer, so the bundles read are its own). */
  readonly periodId: number;
  /** A category of that customer. */
  readonly categoryId: number;
  /** Only these companies (ids); every company with bundles when undefined. */
  readonly companyIds?: readonly number[] | undefined;
}

/** Which rules {@link evaluateValidationRules} evaluates. */
export interface RuleEvaluationOptions {
  /** Only these rule codes among the customer's enabled rules; all when absent. */
  readonly rules?: readonly string[] | undefined;
  /** Only the rules flagged `is_blocking`. @defaultValue false */
  readonly blockingOnly?: boolean;
  /**
   * Lower the bind-parameter budget of one query (never above the dialect's limit): rules whose
   * account lists do not fit together are summed in further passes.
   * @defaultValue the dialect's limit (see `batchPlan`)
   */
  readonly maxParameters?: number | undefined;
  /**
   * Also sum every row of each company (its bundle's balance) in the same pass, returned as
   * `totals`, so a caller that checks the balance too needs no pass of its own. @defaultValue false
   */
  readonly totals?: boolean;
}

/** What {@link evaluateValidationRules} found. */
export interface ValidationRuleEvaluation {
  outcomes: ValidationRuleOutcome[];
  failures: ValidationRuleFailure[];
  /**
   * With `totals`, when at least one rule was evaluated: each company's sum of every row in cents,
   * by company id (companies with bundle rows in the scope).
   */
  totals?: ReadonlyMap<number, number>;
}

/** What one rule gave over the companies of the scope. */
export interface ValidationRuleOutcome {
  readonly rule: string;
  readonly name: string;
  /** Companies checked. */
  readonly checks: number;
  readonly failures: number;
  readonly blocking: boolean;
}

/** A company whose amounts do not satisfy a rule. */
export interface ValidationRuleFailure {
  readonly rule: string;
  readonly name: string;
  /** Company code. */
  readonly company: string;
  /** What the left side should sum to (the right side, or its opposite). */
  readonly expected: number;
  /** What the left side sums to. */
  readonly actual: number;
  /** `actual - expected`. */
  readonly difference: number;
  readonly blocking: boolean;
}

/** A stored rule with its selectors resolved to ids. */
interface PreparedRule {
  code: string;
  name: string;
  operator: ValidationOperator;
  tolerance: number;
  blocking: boolean;
  left: ResolvedSelector;
  right: ResolvedSelector | undefined;
}

/**
 * Evaluates a customer's enabled `validation_rules` (e.g. "result in equity = result in P&L") on
 * the bundles of a period and category: one grouped query for all the rules (one pass over the
 * bundles whatever their number), summing each side of each rule per company in integer cents (so SQLite's REAL compares exactly). Every rule is resolved first, so a broken
 * rule throws `ValidationRuleError` before any is evaluated. Shared by the validation report and the
 * consolidation's blocking check, so both judge a company the same way.
 *
 * @example
 * ```ts
 * const { failures } = await evaluateValidationRules(db, { customerId, periodId, categoryId }, { blockingOnly: true });
 * ```
 */
export async function evaluateValidationRules(
  db: Kysely<ConsoDatabase>,
  scope: RuleEvaluationScope,
  options: RuleEvaluationOptions = {},
): Promise<ValidationRuleEvaluation> {
  const rules = await prepareRules(db, scope.customerId, options);
  const outcomes: ValidationRuleOutcome[] = [];
  const failures: ValidationRuleFailure[] = [];
  if (rules.length === 0) return { outcomes, failures };
  const codes = new Map(
    (
      await db
        .selectFrom('companies')
        .select(['id', 'code'])
        .where('customer_id', '=', scope.customerId)
        .execute()
    ).map((row) => [row.id, row.code]),
  );
  const withTotals = options.totals === true;
  const sums = await sideSumsByCompany(
    db,
    scope,
    rules.map((rule) => [rule.left, rule.right]),
    options.maxParameters,
    withTotals,
  );
  const rows = [...sums]
    .map(([companyId, sides]) => ({ sides, company: codes.get(companyId) ?? String(companyId) }))
    .sort((a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
  for (const [i, rule] of rules.entries()) {
    const tolerance = Math.round(rule.tolerance * 100);
    let failed = 0;
    for (const { sides, company } of rows) {
      const left = sides[2 * i]!;
      const right = sides[2 * i + 1]!;
      const expected = rule.operator === 'equal' ? right : -right;
      if (Math.abs(left - expected) <= tolerance) continue;
      failed += 1;
      failures.push({
        rule: rule.code,
        name: rule.name,
        company,
        expected: fromCents(expected),
        actual: fromCents(left),
        difference: fromCents(left - expected),
        blocking: rule.blocking,
      });
    }
    outcomes.push({
      rule: rule.code,
      name: rule.name,
      checks: rows.length,
      failures: failed,
      blocking: rule.blocking,
    });
  }
  if (!withTotals) return { outcomes, failures };
  const totals = new Map([...sums].map(([companyId, sides]) => [companyId, sides[2 * rules.length]!]));
  return { outcomes, failures, totals };
}

const fromCents = (cents: number): number => Math.round(cents) / 100;

async function prepareRules(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  options: RuleEvaluationOptions,
): Promise<PreparedRule[]> {
  let query = db
    .selectFrom('validation_rules')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('enabled', '=', 1);
  if (options.blockingOnly === true) query = query.where('is_blocking', '=', 1);
  if (options.rules !== undefined)
    query = query.where('code', 'in', options.rules.length > 0 ? [...options.rules] : ['']);
  const rows = await query.orderBy('code').execute();
  if (rows.length === 0) return [];
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'code', 'type', 'role', 'is_summary'])
    .where('customer_id', '=', customerId)
    .execute();
  const flowRows = await db
    .selectFrom('flows')
    .select(['id', 'code'])
    .where('customer_id', '=', customerId)
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
