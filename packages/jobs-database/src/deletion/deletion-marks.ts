import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import { ConsoLockedError } from '../errors/conso-locked-error.js';

/**
 * Marks the conso as being deleted, unless it is locked, in one conditional UPDATE, so a lock
 * taken meanwhile cannot slip between the check and the mark. Returns the time of the mark: now,
 * or the earlier one when a deletion already started (the run then resumes it).
 */
export async function markConsoDeleting(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<string> {
  const now = new Date().toISOString();
  const marked = await db
    .updateTable('consos')
    .set({ deleting_at: now })
    .where('id', '=', conso.id)
    .where('locked', '=', 0)
    .where('deleting_at', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) === 1) return now;
  const row = await db
    .selectFrom('consos')
    .select(['locked', 'locked_by', 'locked_at', 'deleting_at'])
    .where('id', '=', conso.id)
    .executeTakeFirstOrThrow();
  if (row.deleting_at !== null) return row.deleting_at;
  throw new ConsoLockedError(conso.code, row.locked_by ?? '?', row.locked_at ?? '?');
}

/**
 * Marks a customer and all its consos as being deleted, in one transaction that first refuses a
 * locked conso (naming it and its holder). Once marked, the tenant scope refuses every other job of
 * the customer. Returns the time of the customer's mark (an earlier one when resuming).
 */
export async function markCustomerDeleting(db: Kysely<ConsoDatabase>, customerId: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable('customers')
      .set({ deleting_at: now })
      .where('id', '=', customerId)
      .where('deleting_at', 'is', null)
      .execute();
    const locked = await trx
      .selectFrom('consos')
      .select(['code', 'locked_by', 'locked_at'])
      .where('customer_id', '=', customerId)
      .where('locked', '=', 1)
      .where('deleting_at', 'is', null)
      .orderBy('code')
      .executeTakeFirst();
    if (locked !== undefined)
      throw new ConsoLockedError(locked.code, locked.locked_by ?? '?', locked.locked_at ?? '?');
    await trx
      .updateTable('consos')
      .set({ deleting_at: now })
      .where('customer_id', '=', customerId)
      .where('deleting_at', 'is', null)
      .execute();
    const row = await trx
      .selectFrom('customers')
      .select('deleting_at')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    return row.deleting_at ?? now;
  });
}
