import type { Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { SAMPLE_ACCOUNT_CODES as CODES } from './chart-of-accounts.js';

/**
 * Writes the two usual intercompany rules (receivables vs payables, sales vs purchases) and two
 * formula groups. Formula expressions are plain text the formula engine parses.
 */
export async function writeRules(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  accountIds: ReadonlyMap<string, number>,
): Promise<void> {
  const id = (code: string): number => accountIds.get(code)!;
  const rules = [
    {
      code: 'IC-BAL',
      name: 'Intercompany receivables and payables',
      a: CODES.icReceivables,
      b: CODES.icPayables,
    },
    { code: 'IC-PL', name: 'Intercompany sales and purchases', a: CODES.icSales, b: CODES.icPurchases },
  ];
  await bulkInsert(
    db,
    'ic_rules',
    rules.map((rule) => ({
      customer_id: customerId,
      code: rule.code,
      name: rule.name,
      difference_account_id: id(CODES.icDifference),
      tolerance: 10,
    })),
  );
  const ruleRows = await db
    .selectFrom('ic_rules')
    .select(['id', 'code'])
    .where('customer_id', '=', customerId)
    .execute();
  const ruleId = (code: string): number => ruleRows.find((row) => row.code === code)!.id;
  await bulkInsert(
    db,
    'ic_rule_accounts',
    rules.flatMap((rule) => [
      { ic_rule_id: ruleId(rule.code), side: 'A' as const, account_id: id(rule.a) },
      { ic_rule_id: ruleId(rule.code), side: 'B' as const, account_id: id(rule.b) },
    ]),
  );
  await bulkInsert(db, 'formula_groups', [
    { customer_id: customerId, name: 'before_consolidation', sequence: 1 },
    { customer_id: customerId, name: 'after_consolidation', sequence: 2 },
  ]);
  const groups = await db
    .selectFrom('formula_groups')
    .select(['id', 'name'])
    .where('customer_id', '=', customerId)
    .execute();
  const groupId = (name: string): number => groups.find((row) => row.name === name)!.id;
  await bulkInsert(db, 'formulas', [
    {
      formula_group_id: groupId('before_consolidation'),
      sequence: 1,
      target_account_id: id(CODES.icDifference),
      expression: `[${CODES.icReceivables}] + [${CODES.icPayables}]`,
      description: 'Gap between intercompany receivables and payables',
    },
    {
      formula_group_id: groupId('after_consolidation'),
      sequence: 1,
      target_account_id: id('8900'),
      expression: 'MINORITY_PCT * RESULT',
      description: 'Share of result of non-controlling interests',
    },
  ]);
}
