import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { batchPlan } from '../bulk-insert.js';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import type { ResolvedSelector } from './rule-selector.js';

/** The bundle rows summed: one period and category, optionally only some companies. */
export interface SideSumScope {
  readonly periodId: number;
  readonly categoryId: number;
  readonly companyIds?: readonly number[] | undefined;
}

/** A side, or part of one side's accounts, summed by one CASE of a pass. */
interface SumTerm {
  /** Index of the side in the caller's list: `2 * rule` (left) or `2 * rule + 1` (right). */
  slot: number;
  accountIds: number[];
  flowIds: number[] | undefined;
}

/**
 * Per company, the sum in cents of the bundle rows each side picks (`[left0, right0, left1, …,
 * total]`, a missing side 0, the total of every row summed only when asked), in as few passes over
 * the bundles as the bind-parameter budget allows: usually one, since a side costs one sum, not a
 * query of its own. A side whose accounts exceed the budget by itself is split into several sums,
 * whose parts add up (an account is listed once per side), so no query ever binds more than the
 * budget, SQL Server's 2,100 parameters included.
 */
export async function sideSumsByCompany(
  db: Kysely<ConsoDatabase>,
  scope: SideSumScope,
  sides: readonly (readonly [left: ResolvedSelector, right: ResolvedSelector | undefined])[],
  maxParameters: number | undefined,
  withTotal: boolean,
): Promise<Map<number, number[]>> {
  // Period, category and the companies (plus the -1 that keeps an empty list valid).
  const fixed = 3 + (scope.companyIds?.length ?? 0);
  const budget = Math.max(1, (await batchPlan(db, { maxParameters })).maxParameters - fixed);
  const batches = packTerms(sumTerms(sides, budget), budget);
  const slots = 2 * sides.length;
  const sums = new Map<number, number[]>();
  const postgres = consoDialectOf(db) === 'postgres';
  for (const [index, batch] of batches.entries()) {
    // Each row's amount in integer cents, computed once per row and summed as a bigint, so the
    // CASE sums add integers. Computed in every sum instead (numeric on PostgreSQL), the cents cost
    // more than the account list tests (see the README).
    let rows = db
      .selectFrom('bundles')
      .select([
        'company_id',
        'account_id',
        'flow_id',
        sql<number>`cast(round(${sql.ref('amount')} * 100, 0) as bigint)`.as('cents'),
      ])
      .where('period_id', '=', scope.periodId)
      .where('category_id', '=', scope.categoryId);
    if (scope.companyIds !== undefined) rows = rows.where('company_id', 'in', [...scope.companyIds, -1]);
    // PostgreSQL pulls a plain subquery up into the outer query and copies the cents expression
    // into every sum; OFFSET 0 keeps it a subquery, so the cents are computed once per row.
    if (postgres) rows = rows.modifyEnd(sql`offset 0`);
    const cents = sql.ref('b.cents');
    const total = withTotal && index === 0 ? [sql<number>`sum(${cents})`.as('t')] : [];
    const columns = batch.map((term, k) =>
      sql<number>`sum(case when ${condition(term)} then ${cents} else 0 end)`.as(`s${k}`),
    );
    const grouped = (await db
      .selectFrom(rows.as('b'))
      .select('b.company_id')
      .select([...columns, ...total])
      .groupBy('b.company_id')
      .execute()) as unknown as ({ company_id: number } & Record<string, unknown>)[];
    for (const row of grouped) {
      const company = sums.get(row.company_id) ?? new Array<number>(slots + 1).fill(0);
      sums.set(row.company_id, company);
      if (total.length > 0) company[slots] = Number(row.t);
      batch.forEach((term, k) => {
        company[term.slot] = company[term.slot]! + Number(row[`s${k}`]);
      });
    }
  }
  return sums;
}

/** The sums to take: none for an empty side (it sums to 0), several for one over the budget. */
function sumTerms(
  sides: readonly (readonly [ResolvedSelector, ResolvedSelector | undefined])[],
  budget: number,
): SumTerm[] {
  const terms: SumTerm[] = [];
  sides.forEach((pair, rule) => {
    pair.forEach((side, right) => {
      if (side === undefined || side.accountIds.length === 0 || side.flowIds?.length === 0) return;
      const size = Math.max(1, budget - (side.flowIds?.length ?? 0));
      for (let from = 0; from < side.accountIds.length; from += size) {
        terms.push({
          slot: 2 * rule + right,
          accountIds: side.accountIds.slice(from, from + size),
          flowIds: side.flowIds,
        });
      }
    });
  });
  return terms;
}

/** Terms in order, a new pass whenever the next one's parameters would exceed the budget. */
function packTerms(terms: readonly SumTerm[], budget: number): SumTerm[][] {
  // One pass even without any term: it lists the companies checked and sums their totals.
  const batches: SumTerm[][] = [[]];
  let cost = 0;
  for (const term of terms) {
    const termCost = term.accountIds.length + (term.flowIds?.length ?? 0);
    const last = batches.at(-1)!;
    if (last.length > 0 && cost + termCost > budget) {
      batches.push([term]);
      cost = termCost;
    } else {
      last.push(term);
      cost += termCost;
    }
  }
  return batches;
}

function condition(term: SumTerm): Expression<SqlBool> {
  const accounts = sql<SqlBool>`${sql.ref('b.account_id')} in (${sql.join(term.accountIds)})`;
  if (term.flowIds === undefined) return accounts;
  return sql<SqlBool>`(${accounts} and ${sql.ref('b.flow_id')} in (${sql.join(term.flowIds)}))`;
}
