import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';

/**
 * The customer id a job works for: the `customer` parameter (code or id) when given, else the
 * job's tenant when it names a customer by code or id; undefined when neither says.
 */
export async function resolveCustomerId(
  db: Kysely<ConsoDatabase>,
  ...candidates: (string | number | undefined)[]
): Promise<number | undefined> {
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    const byCode = await db
      .selectFrom('customers')
      .select('id')
      .where('code', '=', String(candidate))
      .executeTakeFirst();
    if (byCode !== undefined) return byCode.id;
    const id = Number(candidate);
    if (Number.isInteger(id)) {
      const byId = await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
      if (byId !== undefined) return byId.id;
    }
  }
  return undefined;
}
