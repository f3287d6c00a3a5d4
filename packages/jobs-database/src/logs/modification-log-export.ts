import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { CsvFile } from './csv-writer.js';
import type { LogFilter } from './log-filter.js';

/** Columns of the modification log export. */
export const MODIFICATION_LOG_HEADER = [
  'id',
  'logged_at',
  'customer',
  'log_group',
  'user',
  'conso',
  'screen',
  'message_key',
  'params',
] as const;

const PAGE = 1000;

/**
 * Writes the modification log entries the filter selects to `file`, oldest first, a page at a
 * time (keyset on id, so a log of any size streams through). Returns the entries written.
 */
export async function exportModificationLog(
  db: Kysely<ConsoDatabase>,
  filter: LogFilter,
  file: CsvFile,
  checkpoint: () => void,
): Promise<number> {
  let after = 0;
  let written = 0;
  for (;;) {
    checkpoint();
    let query = db
      .selectFrom('modification_log as m')
      .innerJoin('customers as c', 'c.id', 'm.customer_id')
      .leftJoin('users as u', 'u.id', 'm.user_id')
      .leftJoin('consos as k', 'k.id', 'm.conso_id')
      .select([
        'm.id',
        'm.logged_at',
        'c.code as customer',
        'm.log_group',
        'u.login',
        'k.code as conso',
        'm.screen',
        'm.message_key',
        'm.params',
      ])
      .where('m.id', '>', after)
      .orderBy('m.id')
      .limit(PAGE);
    if (filter.customerId !== undefined) query = query.where('m.customer_id', '=', filter.customerId);
    if (filter.from !== undefined) query = query.where('m.logged_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('m.logged_at', '<', filter.to);
    if (filter.logGroup !== undefined) query = query.where('m.log_group', '=', filter.logGroup);
    if (filter.user !== undefined) query = query.where('u.login', '=', filter.user);
    const rows = await query.execute();
    for (const row of rows) {
      await file.write([
        row.id,
        row.logged_at,
        row.customer,
        row.log_group,
        row.login,
        row.conso,
        row.screen,
        row.message_key,
        row.params,
      ]);
    }
    written += rows.length;
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return written;
    after = last.id;
  }
}
