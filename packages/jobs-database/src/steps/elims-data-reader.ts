import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { ConsolidatedLine } from '../engine/index.js';
import type { ConsoModel } from '../loading/conso-model.js';
import { companyDataSql } from '../writing/step-names.js';

/**
 * The part of the companies' 100% data (bundles and adjustments rows) that Elims (b)–(d) read:
 * equity lines, lines with a partner (intercompany, dividends, investments), lines on investment
 * accounts, and one line per company with the rest of its P&L (the result R). Summed in SQL, so a
 * group of thousands of companies and accounts loads only a few rows per company.
 */
export async function readElimsData(
  trx: Kysely<ConsoDatabase>,
  model: ConsoModel,
): Promise<Map<string, ConsolidatedLine[]>> {
  const investmentAccounts = new Set<number>();
  for (const code of model.chart.withRole('investment')) addId(investmentAccounts, model.accounts.id(code));
  for (const inv of model.investments)
    if (inv.account !== undefined) addId(investmentAccounts, model.accounts.id(inv.account));
  const invIds = [...investmentAccounts];

  const dialect = consoDialectOf(trx);
  // On PostgreSQL the account lists travel as one array each: a join with `accounts` lets the
  // planner walk the (conso, company, account) index once per account, which grows with the square.
  const accountsOfType = (type: 'EQ' | 'PL') => {
    if (dialect === 'postgres') {
      const ids = model.chart
        .all()
        .filter((a) => a.type === type)
        .map((a) => model.accounts.id(a.code) as number);
      return sql<boolean>`cd.account_id = any(${ids}::integer[])`;
    }
    return sql<boolean>`cd.account_id in (select id from accounts where customer_id = ${model.conso.customer_id} and type = ${type})`;
  };
  const investment = (negate: boolean) => {
    if (invIds.length === 0) return sql<boolean>`${sql.lit(negate ? 1 : 0)} = 1`;
    if (dialect === 'postgres') {
      return negate
        ? sql<boolean>`cd.account_id <> all(${invIds}::integer[])`
        : sql<boolean>`cd.account_id = any(${invIds}::integer[])`;
    }
    return negate
      ? sql<boolean>`cd.account_id not in (${sql.join(invIds)})`
      : sql<boolean>`cd.account_id in (${sql.join(invIds)})`;
  };
  const kept = await trx
    .selectFrom('consolidated_data as cd')
    .select([
      'cd.company_id',
      'cd.account_id',
      'cd.partner_company_id',
      'cd.flow_id',
      sql<number>`sum(cd.amount_gc)`.as('amount'),
    ])
    .where('cd.conso_id', '=', model.conso.id)
    .where(companyDataSql('cd'))
    .where(
      sql<boolean>`(${accountsOfType('EQ')} or cd.partner_company_id is not null or ${investment(false)})`,
    )
    .groupBy(['cd.company_id', 'cd.account_id', 'cd.partner_company_id', 'cd.flow_id'])
    .orderBy('cd.company_id')
    .orderBy('cd.account_id')
    .execute();
  const rest = await trx
    .selectFrom('consolidated_data as cd')
    .select(['cd.company_id', sql<number>`sum(cd.amount_gc)`.as('amount')])
    .where('cd.conso_id', '=', model.conso.id)
    .where(companyDataSql('cd'))
    .where(accountsOfType('PL'))
    .where('cd.partner_company_id', 'is', null)
    .where(investment(true))
    .groupBy('cd.company_id')
    .execute();

  const data = new Map<string, ConsolidatedLine[]>();
  const push = (companyId: number, line: Omit<ConsolidatedLine, 'company'>): void => {
    const company = model.codes.companies.codeOf(companyId);
    const list = data.get(company) ?? [];
    list.push({ ...line, company });
    data.set(company, list);
  };
  for (const row of kept) {
    push(row.company_id, {
      account: model.accounts.codeOf(row.account_id),
      amount: Number(row.amount),
      origin: 'bundle',
      ...(row.partner_company_id === null
        ? {}
        : { partner: model.codes.companies.codeOf(row.partner_company_id) }),
      ...(row.flow_id === null ? {} : { flow: model.codes.flows.codeOf(row.flow_id) }),
    });
  }
  // The rest of the result only enters the equity figures (R), which sum P&L lines by type.
  const resultAccount = model.chart.all().find((a) => a.type === 'PL')?.code;
  if (resultAccount !== undefined) {
    for (const row of rest)
      push(row.company_id, { account: resultAccount, amount: Number(row.amount), origin: 'bundle' });
  }
  return data;
}

function addId(set: Set<number>, id: number | undefined): void {
  if (id !== undefined) set.add(id);
}
