import type { ConsoDatabase } from '@hangar/conso-db';
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

  const kept = await trx
    .selectFrom('consolidated_data as cd')
    .innerJoin('accounts as a', 'a.id', 'cd.account_id')
    .select([
      'cd.company_id',
      'cd.account_id',
      'cd.partner_company_id',
      'cd.flow_id',
      sql<number>`sum(cd.amount_gc)`.as('amount'),
    ])
    .where('cd.conso_id', '=', model.conso.id)
    .where(companyDataSql('cd'))
    .where((eb) =>
      eb.or([
        eb('a.type', '=', 'EQ'),
        eb('cd.partner_company_id', 'is not', null),
        ...(invIds.length > 0 ? [eb('cd.account_id', 'in', invIds)] : []),
      ]),
    )
    .groupBy(['cd.company_id', 'cd.account_id', 'cd.partner_company_id', 'cd.flow_id'])
    .orderBy('cd.company_id')
    .orderBy('cd.account_id')
    .execute();
  const rest = await trx
    .selectFrom('consolidated_data as cd')
    .innerJoin('accounts as a', 'a.id', 'cd.account_id')
    .select(['cd.company_id', sql<number>`sum(cd.amount_gc)`.as('amount')])
    .where('cd.conso_id', '=', model.conso.id)
    .where(companyDataSql('cd'))
    .where('a.type', '=', 'PL')
    .where('cd.partner_company_id', 'is', null)
    .$if(invIds.length > 0, (q) => q.where('cd.account_id', 'not in', invIds))
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
