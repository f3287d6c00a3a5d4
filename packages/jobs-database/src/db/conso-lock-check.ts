import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { ConsoLockedError } from '../errors/conso-locked-error.js';
import type { ConsoRecord } from './conso-record.js';

/** Throws `ConsoLockedError` naming the login and time when the conso is locked (fresh read). */
export async function assertConsoUnlocked(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<void> {
  const row = await db
    .selectFrom('consos')
    .select(['locked', 'locked_by', 'locked_at'])
    .where('id', '=', conso.id)
    .executeTakeFirst();
  if (row !== undefined && Number(row.locked) === 1) {
    throw new ConsoLockedError(conso.code, row.locked_by ?? '?', row.locked_at ?? '?');
  }
}
