import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';
import type { CleanupCount, CleanupRun } from './cleanup-kinds.js';

/**
 * Deletes modification-log entries logged before `cutoff` — of one customer, or of all for a
 * system cleanup — in batches of `batchSize`, checking the job's signal between batches.
 */
export async function cleanModificationLog(
  db: Kysely<ConsoDatabase>,
  customerId: number | undefined,
  cutoff: Date,
  batchSize: number,
  run: CleanupRun,
): Promise<CleanupCount> {
  const before = cutoff.toISOString();
  const expired = () => {
    let query = db.selectFrom('modification_log').select('id').where('logged_at', '<', before);
    if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
    return query;
  };
  if (run.dryRun) {
    const row = await db
      .selectFrom(expired().as('expired'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return { kind: 'modificationLog', count: Number(row?.n ?? 0), bytes: null };
  }
  let count = 0;
  for (;;) {
    await checkpointTurn(run.ctx);
    const ids = (await expired().orderBy('id').limit(batchSize).execute()).map((row) => row.id);
    if (ids.length === 0) return { kind: 'modificationLog', count, bytes: null };
    const result = await db.deleteFrom('modification_log').where('id', 'in', ids).executeTakeFirst();
    count += Number(result.numDeletedRows);
    run.progress(count);
  }
}
