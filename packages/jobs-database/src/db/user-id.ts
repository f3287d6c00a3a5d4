import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';

/** The `users.id` of a login of the customer, or null when the login is not a known user. */
export async function userIdOfLogin(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  login: string | undefined,
): Promise<number | null> {
  if (login === undefined) return null;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('login', '=', login)
    .executeTakeFirst();
  return row?.id ?? null;
}
