import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** One audit entry; the message is stored as a translation key and parameters, rendered on read. */
export interface ModificationLogEntry {
  customerId: number;
  logGroup: string;
  messageKey: string;
  params?: Readonly<Record<string, string | number | boolean | null>>;
  consoId?: number | null;
  userId?: number | null;
  screen?: string | null;
  at?: Date;
}

/** Appends an entry to `modification_log`. */
export async function logModification(db: Kysely<ConsoDatabase>, entry: ModificationLogEntry): Promise<void> {
  await db
    .insertInto('modification_log')
    .values({
      customer_id: entry.customerId,
      log_group: entry.logGroup,
      message_key: entry.messageKey,
      params: JSON.stringify(entry.params ?? {}),
      conso_id: entry.consoId ?? null,
      user_id: entry.userId ?? null,
      screen: entry.screen ?? null,
      logged_at: (entry.at ?? new Date()).toISOString(),
    })
    .execute();
}
