import { type Kysely, sql } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** Row count and total of one company's bundle. */
export interface BundleBalance {
  companyId: number;
  rows: number;
  /** Sum of the amounts in integer cents; 0 for a balanced bundle. */
  totalCents: number;
}

/**
 * Balance of every company's bundle for a period and category. Amounts are rounded to cents before
 * summing so the result is exact on SQLite too, where amounts are binary floating point.
 */
export async function bundleBalances(
  db: Kysely<ConsoDatabase>,
  where: { periodId: number; categoryId: number },
): Promise<BundleBalance[]> {
  const rows = await db
    .selectFrom('bundles')
    .select([
      'company_id',
      (eb) => eb.fn.countAll<number>().as('row_count'),
      // round(x, 0) with the explicit length: SQL Server's ROUND requires it.
      sql<number>`sum(round(${sql.ref('amount')} * 100, 0))`.as('total_cents'),
    ])
    .where('period_id', '=', where.periodId)
    .where('category_id', '=', where.categoryId)
    .groupBy('company_id')
    .orderBy('company_id')
    .execute();
  return rows.map((row) => ({
    companyId: row.company_id,
    rows: Number(row.row_count),
    totalCents: Number(row.total_cents),
  }));
}
