import { type ConsoDatabase, TenantScope } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';

/** A conso row by id or code, read as a system job would (within `customerId` when given). */
export async function readConso(
  db: Kysely<ConsoDatabase>,
  ref: string | number,
  customerId?: number,
): Promise<ConsoRecord> {
  const {
    period_code: _period,
    category_code: _category,
    ...row
  } = await (await TenantScope.open(db, { tenant: undefined, customer: customerId })).conso(ref);
  return row;
}
