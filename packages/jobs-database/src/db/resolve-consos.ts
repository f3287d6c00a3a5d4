import type { ConsoDatabase, ConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { ConsoAmbiguousError } from '../errors/conso-ambiguous-error.js';
import { ConsoNotFoundError } from '../errors/conso-not-found-error.js';

/** A conso row as the jobs use it. */
export type ConsoRecord = ConsoRow<'consos'>;

/**
 * Consos named by id (number) or code (string), de-duplicated and ordered by code, then id. A code
 * is looked up within the customer when one is known; without one it must be unique.
 */
export async function resolveConsos(
  db: Kysely<ConsoDatabase>,
  refs: readonly (string | number)[],
  customerId: number | undefined,
): Promise<ConsoRecord[]> {
  const found = new Map<number, ConsoRecord>();
  for (const ref of refs) {
    const conso = await resolveConso(db, ref, customerId);
    found.set(conso.id, conso);
  }
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id));
}

/** One conso by id or code. */
export async function resolveConso(
  db: Kysely<ConsoDatabase>,
  ref: string | number,
  customerId: number | undefined,
): Promise<ConsoRecord> {
  if (typeof ref === 'number') {
    const row = await db.selectFrom('consos').selectAll().where('id', '=', ref).executeTakeFirst();
    if (row === undefined || (customerId !== undefined && row.customer_id !== customerId)) {
      throw new ConsoNotFoundError(ref);
    }
    return row;
  }
  let query = db.selectFrom('consos').selectAll().where('code', '=', ref);
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
  const rows = await query.execute();
  const [first] = rows;
  if (first === undefined) throw new ConsoNotFoundError(ref);
  if (rows.length > 1) throw new ConsoAmbiguousError(ref, rows.length);
  return first;
}
