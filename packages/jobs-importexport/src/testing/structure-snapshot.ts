import type { ConsoDb } from '@hangar/conso-db';

/** A customer's structure by codes (no ids), comparable across databases. */
export async function structureSnapshot(
  consoDb: ConsoDb,
  customer: string,
  consoCode?: string,
): Promise<Record<string, string[]>> {
  const { db } = consoDb;
  const c = (
    await db.selectFrom('customers').select('id').where('code', '=', customer).executeTakeFirstOrThrow()
  ).id;
  const lines = (rows: Record<string, unknown>[]) =>
    rows
      .map((row) =>
        Object.values(row)
          .map((v) =>
            v === null ? '' : typeof v === 'number' || typeof v === 'bigint' ? String(Number(v)) : String(v),
          )
          .join('|'),
      )
      .sort();
  const out: Record<string, string[]> = {
    companies: lines(
      await db
        .selectFrom('companies')
        .select(['code', 'name', 'currency', 'country'])
        .where('customer_id', '=', c)
        .execute(),
    ),
    categories: lines(
      await db.selectFrom('categories').select(['code', 'name']).where('customer_id', '=', c).execute(),
    ),
    periods: lines(
      await db
        .selectFrom('periods')
        .select(['code', 'year', 'month', 'start_date', 'end_date'])
        .where('customer_id', '=', c)
        .execute(),
    ),
    flows: lines(
      await db.selectFrom('flows').select(['code', 'name', 'kind']).where('customer_id', '=', c).execute(),
    ),
    accounts: lines(
      await db
        .selectFrom('accounts as a')
        .leftJoin('accounts as p', 'p.id', 'a.parent_id')
        .select(['a.code', 'a.name', 'a.type', 'a.rate_type', 'a.role', 'p.code as parent', 'a.is_summary'])
        .where('a.customer_id', '=', c)
        .execute(),
    ),
    icRules: lines(
      await db
        .selectFrom('ic_rule_accounts as ra')
        .innerJoin('ic_rules as r', 'r.id', 'ra.ic_rule_id')
        .innerJoin('accounts as d', 'd.id', 'r.difference_account_id')
        .innerJoin('accounts as a', 'a.id', 'ra.account_id')
        .select(['r.code', 'r.name', 'd.code as difference', 'r.tolerance', 'ra.side', 'a.code as account'])
        .where('r.customer_id', '=', c)
        .execute(),
    ),
  };
  if (consoCode) {
    const conso = await db
      .selectFrom('consos')
      .select('id')
      .where('code', '=', consoCode)
      .where('customer_id', '=', c)
      .executeTakeFirstOrThrow();
    out.holdings = lines(
      await db
        .selectFrom('holdings as h')
        .innerJoin('companies as a', 'a.id', 'h.holder_company_id')
        .innerJoin('companies as b', 'b.id', 'h.held_company_id')
        .select(['a.code as holder', 'b.code as held', 'h.financial_pct', 'h.voting_pct'])
        .where('h.conso_id', '=', conso.id)
        .execute(),
    );
  }
  return out;
}
