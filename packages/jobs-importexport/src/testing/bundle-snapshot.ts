import type { ConsoDb } from '@hangar/conso-db';

/** Bundle rows of a scope with codes instead of ids, sorted: comparable across an export and an import. */
export async function bundleSnapshot(
  consoDb: ConsoDb,
  periodId: number,
  categoryId: number,
): Promise<string[]> {
  const rows = await consoDb.db
    .selectFrom('bundles as b')
    .innerJoin('companies as c', 'c.id', 'b.company_id')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .leftJoin('companies as p', 'p.id', 'b.partner_company_id')
    .leftJoin('flows as f', 'f.id', 'b.flow_id')
    .select([
      'c.code as company',
      'a.code as account',
      'p.code as partner',
      'f.code as flow',
      'b.dimension',
      'b.amount',
    ])
    .where('b.period_id', '=', periodId)
    .where('b.category_id', '=', categoryId)
    .execute();
  return rows
    .map((row) =>
      [
        row.company,
        row.account,
        row.partner ?? '',
        row.flow ?? '',
        row.dimension ?? '',
        Number(row.amount),
      ].join('|'),
    )
    .sort();
}
