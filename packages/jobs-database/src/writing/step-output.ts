import { bulkInsert, type ConsoDatabase, type NewConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { type OutputStep, stepFilter } from './step-names.js';

/**
 * Deletes a step's earlier output of a conso, for some companies or all (undefined). Called in
 * the conso's transaction before the step writes again, so a re-run replaces instead of adding.
 */
export async function deleteStepOutput(
  trx: Kysely<ConsoDatabase>,
  consoId: number,
  step: OutputStep,
  companyIds: readonly number[] | undefined,
): Promise<number> {
  let query = trx.deleteFrom('consolidated_data').where('conso_id', '=', consoId).where(stepFilter(step));
  if (companyIds !== undefined) {
    if (companyIds.length === 0) return 0;
    query = query.where('company_id', 'in', [...companyIds]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Inserts rows into `consolidated_data` in multi-row batches sized to the dialect. */
export async function insertConsolidatedRows(
  trx: Kysely<ConsoDatabase>,
  rows: Iterable<NewConsoRow<'consolidated_data'>> | AsyncIterable<NewConsoRow<'consolidated_data'>>,
): Promise<number> {
  return bulkInsert(trx, 'consolidated_data', rows);
}
