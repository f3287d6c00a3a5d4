import type { ConsoDatabase, FlowKind } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { CodeMap } from './code-map.js';

/** Companies and flows of a customer by id and code, with each flow's kind. */
export interface MasterCodes {
  /** Every company of the customer (partners may lie outside a conso's scope). */
  readonly companies: CodeMap;
  /** Currency of each company, by code. */
  readonly currencies: ReadonlyMap<string, string>;
  /** Flows by id and code. */
  readonly flows: CodeMap;
  /** Kind of each flow, by code. */
  readonly flowKinds: ReadonlyMap<string, FlowKind>;
}

/** Loads the id/code maps of a customer's companies and flows. */
export async function loadMasterCodes(db: Kysely<ConsoDatabase>, customerId: number): Promise<MasterCodes> {
  const companies = await db
    .selectFrom('companies')
    .select(['id', 'code', 'currency'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  const flows = await db
    .selectFrom('flows')
    .select(['id', 'code', 'kind'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  return {
    companies: new CodeMap(companies),
    currencies: new Map(companies.map((c) => [c.code, c.currency])),
    flows: new CodeMap(flows),
    flowKinds: new Map(flows.map((f) => [f.code, f.kind])),
  };
}
