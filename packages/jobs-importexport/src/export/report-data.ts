import type { AccountRole, AccountType } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';

/** An account line of a report. */
export interface ReportAccount {
  id: number;
  code: string;
  name: string;
  type: AccountType;
  role: AccountRole | null;
}

/** What the report pack shows of a conso. */
export interface ReportData {
  companies: {
    id: number;
    code: string;
    method: string;
    groupPct: number;
    minorityPct: number;
    integrationPct: number;
  }[];
  accounts: ReportAccount[];
  /** Consolidated amount (group currency) by `companyId/accountId`. */
  amounts: Map<string, number>;
}

/**
 * Reads a conso's consolidated data summed by company and account (one grouped query: the
 * report's size is companies × accounts, whatever the number of detail rows), its perimeter and
 * the reported accounts.
 */
export async function loadReportData(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  consoId: number,
): Promise<ReportData> {
  const sums = await db
    .selectFrom('consolidated_data')
    .select(['company_id', 'account_id', (eb) => eb.fn.sum<number>('amount_gc').as('amount')])
    .where('conso_id', '=', consoId)
    .groupBy(['company_id', 'account_id'])
    .execute();
  const amounts = new Map(sums.map((row) => [`${row.company_id}/${row.account_id}`, Number(row.amount)]));
  const used = new Set(sums.map((row) => row.account_id));
  const accounts = (
    await db
      .selectFrom('accounts')
      .select(['id', 'code', 'name', 'type', 'role'])
      .where('customer_id', '=', customerId)
      .orderBy('code')
      .execute()
  ).filter((account) => used.has(account.id));
  const companyIds = new Set(sums.map((row) => row.company_id));
  const perimeter = await db
    .selectFrom('companies as c')
    .leftJoin('ownerships as o', (join) =>
      join.onRef('o.company_id', '=', 'c.id').on('o.conso_id', '=', consoId),
    )
    .select(['c.id', 'c.code', 'o.method', 'o.group_pct', 'o.minority_pct', 'o.integration_pct'])
    .where('c.customer_id', '=', customerId)
    .orderBy('c.code')
    .execute();
  const companies = perimeter
    .filter((c) => companyIds.has(c.id) || c.method !== null)
    .map((c) => ({
      id: c.id,
      code: c.code,
      method: c.method ?? '',
      groupPct: Number(c.group_pct ?? 0),
      minorityPct: Number(c.minority_pct ?? 0),
      integrationPct: Number(c.integration_pct ?? 0),
    }));
  return { companies, accounts, amounts };
}
