import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { LineInput } from '../engine/index.js';
import type { LoadedChart } from './chart-loader.js';
import type { MasterCodes } from './master-codes-loader.js';

/** Options of {@link readBundles}. */
export interface BundleReadOptions {
  /** Keep the `dimension` axis; otherwise amounts are summed over dimensions. */
  readonly dimensions: boolean;
}

/** A bundle line with the dimension it was read with. */
export interface BundleLine extends LineInput {
  /** Analytical dimension, when dimensions are executed. */
  readonly dimension?: string;
}

/**
 * Reads the local-currency bundles of some companies for the conso's period and category, summed
 * in SQL per company, account, partner and flow (and dimension when asked), so the engine never
 * sees raw duplicate rows. Lines keep the order in which they were first reported.
 */
export async function readBundles(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  companyIds: readonly number[],
  chart: LoadedChart,
  codes: MasterCodes,
  options: BundleReadOptions,
): Promise<Map<string, BundleLine[]>> {
  const result = new Map<string, BundleLine[]>();
  if (companyIds.length === 0) return result;
  const dimension = options.dimensions ? sql<string | null>`dimension` : sql<string | null>`null`;
  const rows = await db
    .selectFrom('bundles')
    .select([
      'company_id',
      'account_id',
      'partner_company_id',
      'flow_id',
      dimension.as('dim'),
      sql<number>`sum(amount)`.as('amount'),
      sql<number>`min(id)`.as('first_id'),
    ])
    .where('period_id', '=', conso.period_id)
    .where('category_id', '=', conso.category_id)
    .where('company_id', 'in', [...companyIds])
    .groupBy(['company_id', 'account_id', 'partner_company_id', 'flow_id'])
    .$if(options.dimensions, (q) => q.groupBy('dimension'))
    .orderBy('company_id')
    .orderBy('first_id')
    .execute();
  for (const row of rows) {
    const company = codes.companies.codeOf(row.company_id);
    const lines = result.get(company) ?? [];
    const partner =
      row.partner_company_id === null ? undefined : codes.companies.codeOf(row.partner_company_id);
    const flow = row.flow_id === null ? undefined : codes.flows.codeOf(row.flow_id);
    lines.push({
      account: chart.accounts.codeOf(row.account_id),
      amount: Number(row.amount),
      ...(partner === undefined ? {} : { partner }),
      ...(flow === undefined ? {} : { flow }),
      ...(row.dim === null ? {} : { dimension: row.dim }),
    });
    result.set(company, lines);
  }
  return result;
}
