import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';
import { idsToCodes, loadCodeLookups } from '../validate/code-lookups.js';
import type { LookupTable } from './generic-tables.js';

/** Code-to-id maps of every lookup table (currencies map to themselves), and the reverse maps. */
export interface GenericLookups {
  byCode: Record<LookupTable, ReadonlyMap<string, number | string>>;
  byId: Record<LookupTable, ReadonlyMap<number | string, string>>;
}

/** Loads the lookups of a customer. */
export async function loadGenericLookups(
  db: Kysely<ConsoDatabase>,
  customerId: number,
): Promise<GenericLookups> {
  const codes = await loadCodeLookups(db, customerId);
  const consos = new Map(
    (
      await db.selectFrom('consos').select(['id', 'code']).where('customer_id', '=', customerId).execute()
    ).map((row) => [row.code, row.id]),
  );
  const byCode = {
    companies: codes.companies,
    accounts: codes.accounts,
    flows: codes.flows,
    categories: codes.categories,
    periods: codes.periods,
    consos,
    currencies: codes.currencies,
  };
  const byId = {
    companies: idsToCodes(codes.companies),
    accounts: idsToCodes(codes.accounts),
    flows: idsToCodes(codes.flows),
    categories: idsToCodes(codes.categories),
    periods: idsToCodes(codes.periods),
    consos: idsToCodes(consos),
    currencies: new Map([...codes.currencies.keys()].map((code) => [code, code])),
  };
  return { byCode, byId };
}
