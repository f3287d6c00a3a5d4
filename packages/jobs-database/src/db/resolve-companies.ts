import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { CompanyNotFoundError } from '../errors/company-not-found-error.js';
import type { ConsoRecord } from './resolve-consos.js';

/** Ids of companies named by id (number) or code (string) among the conso customer's companies. */
export async function resolveCompanyIds(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  refs: readonly (string | number)[],
): Promise<number[]> {
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'code'])
    .where('customer_id', '=', conso.customer_id)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const ids = new Set(rows.map((r) => r.id));
  const result = new Set<number>();
  for (const ref of refs) {
    const id = typeof ref === 'number' ? (ids.has(ref) ? ref : undefined) : byCode.get(ref);
    if (id === undefined) throw new CompanyNotFoundError(ref, conso.code);
    result.add(id);
  }
  return [...result];
}
