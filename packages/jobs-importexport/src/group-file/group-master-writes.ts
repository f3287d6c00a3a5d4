import type { AccountType, RateType } from '@hangar/conso-db';
import { assertMayWriteShared, bulkInsert, codesToIds } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';
import { groupCompanyCodes } from './group-file-checks.js';
import type { GroupFile } from './group-file-schema.js';

/** Ids the conso-level writes need. */
export interface GroupIds {
  customerId: number;
  periodId: number;
  categoryId: number;
  consoId: number;
  companies: Map<string, number>;
  accounts: Map<string, number>;
  flows: Map<string, number>;
}

/** Where a group file lands. */
export interface GroupTarget {
  customer: string;
  /** The job's tenant: a customer's job may not add currencies (shared) nor create a customer. */
  tenant: string | undefined;
  period: string;
  category: string;
  conso: string;
  now: string;
}

// Accounts the file gives no rate type (the special accounts of the cases): a sensible default per type.
const DEFAULT_RATE: Readonly<Record<AccountType, RateType>> = { BS: 'CC', EQ: 'HC', PL: 'AC' };

/**
 * Writes (or updates, by code) the master data of a group file: currencies, customer, period,
 * category, companies, accounts and the conso, and returns their ids.
 */
export async function writeGroupMasterData(
  trx: Kysely<ConsoDatabase>,
  file: GroupFile,
  target: GroupTarget,
): Promise<GroupIds> {
  const groupCurrency = file.group_currency ?? 'EUR';
  const companySpecs = Array.isArray(file.companies) ? {} : file.companies;
  const currencies = new Set([groupCurrency, ...Object.keys(file.rates ?? {})]);
  for (const spec of Object.values(companySpecs)) if (spec.currency) currencies.add(spec.currency);
  const existing = new Set(
    (await trx.selectFrom('currencies').select('code').execute()).map((row) => row.code),
  );
  const missing = [...currencies].filter((c) => !existing.has(c));
  if (missing.length) assertMayWriteShared(target.tenant, 'currencies');
  if (missing.length)
    await bulkInsert(
      trx,
      'currencies',
      missing.map((code) => ({ code, name: code, decimals: 2 })),
    );

  let customer = await trx
    .selectFrom('customers')
    .select('id')
    .where('code', '=', target.customer)
    .executeTakeFirst();
  if (!customer) {
    await trx
      .insertInto('customers')
      .values({
        code: target.customer,
        name: target.customer,
        reference_currency: groupCurrency,
        created_at: target.now,
      })
      .execute();
    customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('code', '=', target.customer)
      .executeTakeFirstOrThrow();
  }
  const customerId = customer.id;

  const year = Number(target.period.slice(0, 4));
  const month = Number(target.period.slice(4, 6)) || 12;
  if (
    !(await trx
      .selectFrom('periods')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('code', '=', target.period)
      .executeTakeFirst())
  ) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, '0');
    await trx
      .insertInto('periods')
      .values({
        customer_id: customerId,
        code: target.period,
        year,
        month,
        start_date: `${year}-${mm}-01`,
        end_date: `${year}-${mm}-${last}`,
      })
      .execute();
  }
  const categories = await codesToIds(trx, 'categories', customerId);
  if (!categories.has(target.category)) {
    await trx
      .insertInto('categories')
      .values({ customer_id: customerId, code: target.category, name: target.category })
      .execute();
  }

  const companies = await codesToIds(trx, 'companies', customerId);
  for (const code of groupCompanyCodes(file)) {
    const spec = companySpecs[code];
    const values = { name: spec?.name ?? code, currency: spec?.currency ?? groupCurrency };
    if (companies.has(code))
      await trx.updateTable('companies').set(values).where('id', '=', companies.get(code)!).execute();
    else
      await trx
        .insertInto('companies')
        .values({ customer_id: customerId, code, country: null, ...values })
        .execute();
  }
  const accounts = await codesToIds(trx, 'accounts', customerId);
  for (const [code, spec] of Object.entries(file.accounts ?? {})) {
    const values = {
      name: spec.name ?? code,
      type: spec.type,
      rate_type: spec.rate ?? DEFAULT_RATE[spec.type],
      role: spec.role ?? null,
    };
    if (accounts.has(code))
      await trx.updateTable('accounts').set(values).where('id', '=', accounts.get(code)!).execute();
    else
      await trx
        .insertInto('accounts')
        .values({ customer_id: customerId, code, parent_id: null, ...values })
        .execute();
  }

  const ids = {
    customerId,
    periodId: (
      await trx
        .selectFrom('periods')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('code', '=', target.period)
        .executeTakeFirstOrThrow()
    ).id,
    categoryId: (await codesToIds(trx, 'categories', customerId)).get(target.category)!,
    companies: await codesToIds(trx, 'companies', customerId),
    accounts: await codesToIds(trx, 'accounts', customerId),
    flows: await codesToIds(trx, 'flows', customerId),
  };
  const parent = ids.companies.get(file.parent)!;
  const consoValues = {
    group_currency: groupCurrency,
    parent_company_id: parent,
    period_id: ids.periodId,
    category_id: ids.categoryId,
  };
  const conso = await trx
    .selectFrom('consos')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('code', '=', target.conso)
    .executeTakeFirst();
  if (conso) await trx.updateTable('consos').set(consoValues).where('id', '=', conso.id).execute();
  else {
    await trx
      .insertInto('consos')
      .values({
        customer_id: customerId,
        code: target.conso,
        name: target.conso,
        created_at: target.now,
        ...consoValues,
      })
      .execute();
  }
  const consoId = (
    await trx
      .selectFrom('consos')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('code', '=', target.conso)
      .executeTakeFirstOrThrow()
  ).id;
  return { ...ids, consoId };
}
