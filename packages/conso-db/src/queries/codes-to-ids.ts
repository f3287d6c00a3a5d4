import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** Tables whose rows a customer identifies by a unique `code`. */
export type CodedTable = 'companies' | 'accounts' | 'flows' | 'categories' | 'consos';

/**
 * Map from code to id of a customer's rows in `table`. Inserts never set ids (SQL Server would
 * need IDENTITY_INSERT) and RETURNING is spelled differently per dialect, so writers insert by
 * code and read the ids back with this one portable query.
 */
export async function codesToIds(
  db: Kysely<ConsoDatabase>,
  table: CodedTable,
  customerId: number,
): Promise<Map<string, number>> {
  // One literal table per branch keeps kysely's column typing; the union of tables would lose it.
  const rows = await selectCodes(db, table, customerId);
  return new Map(rows.map((row) => [row.code, row.id]));
}

function selectCodes(db: Kysely<ConsoDatabase>, table: CodedTable, customerId: number) {
  switch (table) {
    case 'companies':
      return db
        .selectFrom('companies')
        .select(['id', 'code'])
        .where('customer_id', '=', customerId)
        .execute();
    case 'accounts':
      return db.selectFrom('accounts').select(['id', 'code']).where('customer_id', '=', customerId).execute();
    case 'flows':
      return db.selectFrom('flows').select(['id', 'code']).where('customer_id', '=', customerId).execute();
    case 'categories':
      return db
        .selectFrom('categories')
        .select(['id', 'code'])
        .where('customer_id', '=', customerId)
        .execute();
    case 'consos':
      return db.selectFrom('consos').select(['id', 'code']).where('customer_id', '=', customerId).execute();
  }
}
