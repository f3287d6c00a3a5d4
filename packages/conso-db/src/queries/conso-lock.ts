import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** Who takes a conso lock, and when. */
export interface ConsoLockRequest {
  consoId: number;
  /** Login recorded as the holder. */
  login: string;
  /** Lock time; defaults to now. */
  at?: Date;
}

/**
 * Takes the lock of a conso if it is free; returns false when someone holds it. A single
 * conditional UPDATE, so two concurrent callers cannot both win on any dialect.
 */
export async function lockConso(db: Kysely<ConsoDatabase>, request: ConsoLockRequest): Promise<boolean> {
  const result = await db
    .updateTable('consos')
    .set({ locked: 1, locked_by: request.login, locked_at: (request.at ?? new Date()).toISOString() })
    .where('id', '=', request.consoId)
    .where('locked', '=', 0)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Releases a conso lock. With `login`, only that holder's lock is released (a job must not free a
 * lock a user took meanwhile); without it the lock is forced open. Returns whether a lock was released.
 */
export async function unlockConso(
  db: Kysely<ConsoDatabase>,
  consoId: number,
  login?: string,
): Promise<boolean> {
  let query = db
    .updateTable('consos')
    .set({ locked: 0, locked_by: null, locked_at: null })
    .where('id', '=', consoId)
    .where('locked', '=', 1);
  if (login !== undefined) query = query.where('locked_by', '=', login);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
