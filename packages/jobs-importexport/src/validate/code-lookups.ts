import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';

/** Code-to-id maps of a customer's master data, loaded once per import (master data is small). */
export interface CodeLookups {
  companies: Map<string, number>;
  accounts: Map<string, number>;
  flows: Map<string, number>;
  categories: Map<string, number>;
  periods: Map<string, number>;
  /** Accounts that only aggregate (bundles may not report on them). */
  summaryAccounts: Set<number>;
  /** Currency codes (shared by all customers), each mapped to itself for uniform lookups. */
  currencies: Map<string, string>;
}

/** Loads every code of a customer. */
export async function loadCodeLookups(db: Kysely<ConsoDatabase>, customerId: number): Promise<CodeLookups> {
  const [companies, accounts, flows, categories, periods, currencies] = await Promise.all([
    db.selectFrom('companies').select(['id', 'code']).where('customer_id', '=', customerId).execute(),
    db
      .selectFrom('accounts')
      .select(['id', 'code', 'is_summary'])
      .where('customer_id', '=', customerId)
      .execute(),
    db.selectFrom('flows').select(['id', 'code']).where('customer_id', '=', customerId).execute(),
    db.selectFrom('categories').select(['id', 'code']).where('customer_id', '=', customerId).execute(),
    db.selectFrom('periods').select(['id', 'code']).where('customer_id', '=', customerId).execute(),
    db.selectFrom('currencies').select('code').execute(),
  ]);
  const byCode = (rows: { id: number; code: string }[]) => new Map(rows.map((row) => [row.code, row.id]));
  return {
    companies: byCode(companies),
    accounts: byCode(accounts),
    flows: byCode(flows),
    categories: byCode(categories),
    periods: byCode(periods),
    summaryAccounts: new Set(accounts.filter((row) => Number(row.is_summary) === 1).map((row) => row.id)),
    currencies: new Map(currencies.map((row) => [row.code, row.code])),
  };
}

/** Reverse of a code map: id to code, for exports. */
export function idsToCodes(codes: ReadonlyMap<string, number>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [code, id] of codes) out.set(id, code);
  return out;
}
