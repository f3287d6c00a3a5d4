import type { ConsoDatabase, ConsoDb } from '@hangar/conso-db';
import type { JobContext } from '@hangar/core';
import type { Kysely } from 'kysely';
import { attachCanceller } from './sql-canceller.js';

/**
 * Runs `work` in a transaction whose running statement is cancelled on the server when the job's
 * signal fires; the transaction then rolls back and the cancellation (not the statement's error
 * it caused) is what the caller sees.
 */
export async function inCancellableTransaction<T>(
  consoDb: ConsoDb,
  ctx: Pick<JobContext, 'signal'>,
  work: (trx: Kysely<ConsoDatabase>) => Promise<T>,
): Promise<T> {
  try {
    return await consoDb.db.transaction().execute(async (trx) => {
      const canceller = await attachCanceller(consoDb, trx);
      const onAbort = () => void canceller.cancel();
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await work(trx);
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
      }
    });
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw error;
  }
}
