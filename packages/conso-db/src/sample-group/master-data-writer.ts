import type { Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import { codesToIds } from '../queries/codes-to-ids.js';
import type { FlowKind } from '../schema/column-kinds.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import type { SampleAccount } from './chart-of-accounts.js';
import type { SampleCompany } from './group-structure.js';

/** The flows every sample customer gets, by code. */
export const SAMPLE_FLOWS: readonly { code: string; name: string; kind: FlowKind }[] = [
  { code: 'F00', name: 'Opening balance', kind: 'opening' },
  { code: 'F20', name: 'Increase / decrease', kind: 'movement' },
  { code: 'F80', name: 'Translation difference', kind: 'translation_diff' },
  { code: 'F99', name: 'Closing balance', kind: 'closing' },
];

/** Inserts the currencies not yet present (the table is shared by all customers). */
export async function ensureCurrencies(
  db: Kysely<ConsoDatabase>,
  currencies: Readonly<Record<string, { name: string }>>,
): Promise<void> {
  const existing = new Set(
    (await db.selectFrom('currencies').select('code').execute()).map((row) => row.code),
  );
  const missing = Object.entries(currencies)
    .filter(([code]) => !existing.has(code))
    .map(([code, { name }]) => ({ code, name, decimals: 2 }));
  await bulkInsert(db, 'currencies', missing);
}

/** Inserts a customer with one admin user; returns their ids. */
export async function insertCustomer(
  db: Kysely<ConsoDatabase>,
  customer: { code: string; name: string; referenceCurrency: string; createdAt: string },
): Promise<{ customerId: number; userId: number }> {
  await db
    .insertInto('customers')
    .values({
      code: customer.code,
      name: customer.name,
      reference_currency: customer.referenceCurrency,
      created_at: customer.createdAt,
    })
    .execute();
  const { id: customerId } = await db
    .selectFrom('customers')
    .select('id')
    .where('code', '=', customer.code)
    .executeTakeFirstOrThrow();
  const login = `${customer.code.toLowerCase()}.admin`;
  await db
    .insertInto('users')
    .values({
      customer_id: customerId,
      login,
      display_name: `${customer.name} administrator`,
      email: null,
      language: 'en',
      is_admin: 1,
      created_at: customer.createdAt,
    })
    .execute();
  const { id: userId } = await db
    .selectFrom('users')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return { customerId, userId };
}

/** Inserts the chart (summaries first, so leaves can point to them); returns ids by code. */
export async function insertChart(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  chart: readonly SampleAccount[],
): Promise<Map<string, number>> {
  const row = (account: SampleAccount, parentId: number | null) => ({
    customer_id: customerId,
    code: account.code,
    name: account.name,
    type: account.type,
    rate_type: account.rateType,
    role: account.role,
    parent_id: parentId,
    is_summary: account.nature === 'summary' ? (1 as const) : (0 as const),
  });
  await bulkInsert(
    db,
    'accounts',
    chart.filter((a) => a.parent === null).map((a) => row(a, null)),
  );
  const parents = await codesToIds(db, 'accounts', customerId);
  await bulkInsert(
    db,
    'accounts',
    chart.filter((a) => a.parent !== null).map((a) => row(a, parents.get(a.parent!)!)),
  );
  return codesToIds(db, 'accounts', customerId);
}

/** Inserts the standard flows and the ACT/BUD categories; returns ids by code. */
export async function insertFlowsAndCategories(
  db: Kysely<ConsoDatabase>,
  customerId: number,
): Promise<{ flows: Map<string, number>; categories: Map<string, number> }> {
  await bulkInsert(
    db,
    'flows',
    SAMPLE_FLOWS.map((flow) => ({ customer_id: customerId, ...flow })),
  );
  await bulkInsert(db, 'categories', [
    { customer_id: customerId, code: 'ACT', name: 'Actual' },
    { customer_id: customerId, code: 'BUD', name: 'Budget' },
  ]);
  return {
    flows: await codesToIds(db, 'flows', customerId),
    categories: await codesToIds(db, 'categories', customerId),
  };
}

/** Inserts the December periods of the given years; returns their ids in the same order. */
export async function insertDecemberPeriods(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  years: readonly number[],
): Promise<number[]> {
  await bulkInsert(
    db,
    'periods',
    years.map((year) => ({
      customer_id: customerId,
      year,
      month: 12,
      code: `${year}12`,
      start_date: `${year}-12-01`,
      end_date: `${year}-12-31`,
    })),
  );
  const rows = await db
    .selectFrom('periods')
    .select(['id', 'year'])
    .where('customer_id', '=', customerId)
    .where('month', '=', 12)
    .execute();
  return years.map((year) => rows.find((row) => row.year === year)!.id);
}

/** Inserts the companies; returns their ids by company index. */
export async function insertCompanies(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  companies: readonly SampleCompany[],
): Promise<number[]> {
  await bulkInsert(
    db,
    'companies',
    companies.map((c) => ({
      customer_id: customerId,
      code: c.code,
      name: c.name,
      currency: c.currency,
      country: c.country,
    })),
  );
  const ids = await codesToIds(db, 'companies', customerId);
  return companies.map((c) => ids.get(c.code)!);
}
