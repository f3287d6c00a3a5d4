import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { ConsolidationMethod, RunCompany } from '../engine/index.js';
import type { MasterCodes } from './master-codes-loader.js';

/** The companies of a conso with the percentages and method the run uses. */
export interface LoadedScope {
  /** Companies in `ownerships` order (company id), parent included. */
  readonly companies: RunCompany[];
  /** Code of the consolidating parent. */
  readonly parent: string;
  /** True when the conso has no `ownerships` rows at all (nothing to consolidate). */
  readonly empty: boolean;
}

/**
 * The conso's perimeter: every company with an `ownerships` row, with its method and its group,
 * minority and integration percentages. The parent is added at 100% when it has no row, since a
 * conso always consolidates its parent fully.
 */
export async function loadScope(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  codes: MasterCodes,
): Promise<LoadedScope> {
  const rows = await db
    .selectFrom('ownerships')
    .select(['company_id', 'method', 'group_pct', 'minority_pct', 'integration_pct'])
    .where('conso_id', '=', conso.id)
    .orderBy('company_id')
    .execute();
  const parent = codes.companies.codeOf(conso.parent_company_id);
  const companies: RunCompany[] = rows.map((row) => {
    const code = codes.companies.codeOf(row.company_id);
    return {
      code,
      currency: codes.currencies.get(code) ?? conso.group_currency,
      percentages: {
        method: row.method as ConsolidationMethod,
        group: Number(row.group_pct),
        minority: Number(row.minority_pct),
        integration: Number(row.integration_pct),
      },
    };
  });
  if (rows.length > 0 && !companies.some((c) => c.code === parent)) {
    companies.unshift({
      code: parent,
      currency: codes.currencies.get(parent) ?? conso.group_currency,
      percentages: { method: 'G', group: 1, minority: 0, integration: 1 },
    });
  }
  return { companies, parent, empty: rows.length === 0 };
}
