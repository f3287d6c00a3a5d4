import { bulkInsert, type ConsoDatabase, consoDialectOf, type NewConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { insertWithUnnest } from './postgres-unnest-insert.js';
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

/**
 * Inserts rows into `consolidated_data`: on PostgreSQL as array parameters through `unnest`, on
 * the other dialects in multi-row VALUES batches sized to their parameter limits.
 */
export async function insertConsolidatedRows(
  trx: Kysely<ConsoDatabase>,
  rows: Iterable<NewConsoRow<'consolidated_data'>>,
): Promise<number> {
  if (consoDialectOf(trx) === 'postgres') return insertWithUnnest(trx, rows);
  return bulkInsert(trx, 'consolidated_data', rows);
}
