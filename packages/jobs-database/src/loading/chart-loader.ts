import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { AccountChart, type AccountDefinition } from '../engine/index.js';
import { CodeMap } from './code-map.js';

/** The customer's chart as the engine sees it, with the ids of its accounts. */
export interface LoadedChart {
  /** Engine chart: codes, types, rate types and roles of the posting (non-summary) accounts. */
  readonly chart: AccountChart;
  /** Account ids and codes. */
  readonly accounts: CodeMap;
}

/** Loads the customer's accounts, in id order, as an engine `AccountChart` with roles. */
export async function loadChart(db: Kysely<ConsoDatabase>, customerId: number): Promise<LoadedChart> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'code', 'type', 'rate_type', 'role', 'is_summary'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  const definitions: AccountDefinition[] = rows
    .filter((r) => Number(r.is_summary) !== 1)
    .map((r) => ({
      code: r.code,
      type: r.type,
      rate: r.rate_type,
      ...(r.role === null ? {} : { role: r.role }),
    }));
  return { chart: new AccountChart(definitions), accounts: new CodeMap(rows) };
}
