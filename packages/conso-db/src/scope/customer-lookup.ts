import type { Kysely } from 'kysely';
import type { ConsoDatabase, ConsoRow } from '../schema/conso-database.js';

/** A customer row as the scope reads it. */
export type CustomerRow = Pick<ConsoRow<'customers'>, 'id' | 'code' | 'reference_currency' | 'deleting_at'>;

/** The customer whose code this is (tenants are customer codes). */
export function findCustomerByCode(
  db: Kysely<ConsoDatabase>,
  code: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'reference_currency', 'deleting_at'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** A customer by id (number) or code (string). */
export function findCustomer(
  db: Kysely<ConsoDatabase>,
  ref: string | number,
): Promise<CustomerRow | undefined> {
  if (typeof ref === 'string') return findCustomerByCode(db, ref);
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'reference_currency', 'deleting_at'])
    .where('id', '=', ref)
    .executeTakeFirst();
}
