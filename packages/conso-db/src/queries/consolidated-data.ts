import type { Kysely } from 'kysely';
import { type BulkInsertOptions, bulkInsert, type RowSource } from '../bulk-insert.js';
import type { ConsoDatabase, NewConsoRow } from '../schema/conso-database.js';

/**
 * Replaces all consolidated data of a conso with `rows` in one transaction: readers see either
 * the previous run or the new one, never a mix. Returns the number of rows written.
 */
export async function replaceConsolidatedData(
  db: Kysely<ConsoDatabase>,
  consoId: number,
  rows: RowSource<NewConsoRow<'consolidated_data'>>,
  options: BulkInsertOptions = {},
): Promise<number> {
  const run = async (trx: Kysely<ConsoDatabase>): Promise<number> => {
    await trx.deleteFrom('consolidated_data').where('conso_id', '=', consoId).execute();
    return bulkInsert(trx, 'consolidated_data', rows, options);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
