import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/**
 * A conso's consolidated trial balance per `company/account`, in cents, zero lines left out: two
 * consos that consolidate the same group compare equal whatever their ids.
 */
export async function trialBalance(
  db: Kysely<ConsoDatabase>,
  consoId: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('consolidated_data as d')
    .innerJoin('companies as c', 'c.id', 'd.company_id')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['c.code as company', 'a.code as account', sql<number>`sum(d.amount_gc)`.as('amount')])
    .where('d.conso_id', '=', consoId)
    .groupBy(['c.code', 'a.code'])
    .execute();
  return Object.fromEntries(
    rows
      .map((row) => [`${row.company}/${row.account}`, Math.round(Number(row.amount) * 100)] as const)
      .filter(([, cents]) => cents !== 0)
      .sort(([x], [y]) => (x < y ? -1 : 1)),
  );
}
