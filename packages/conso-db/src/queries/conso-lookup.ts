import type { Kysely } from 'kysely';
import type { ConsoDatabase, ConsoRow } from '../schema/conso-database.js';

/** The conso of a customer with this code (`202312ACT001`), or undefined. */
export async function findConsoByCode(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  code: string,
): Promise<ConsoRow<'consos'> | undefined> {
  return db
    .selectFrom('consos')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('code', '=', code)
    .executeTakeFirst();
}
