import {
  ACCOUNT_ROLE_VALUES,
  type AccountRole,
  bulkInsert,
  type ConsoDatabase,
  codesToIds,
  type FlowKind,
} from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { AccountDefinition } from '../engine/index.js';

/** Code of the customer a case is loaded under. */
export const CASE_CUSTOMER = 'CASE';
/** Login of the user a case runs as. */
export const CASE_USER = 'evaluate';
const CREATED_AT = '2024-01-15T00:00:00.000Z';

/** Ids of a case's master data. */
export interface CaseMaster {
  /** Customer id. */
  readonly customerId: number;
  /** Account ids by code. */
  readonly accounts: Map<string, number>;
  /** Company ids by code. */
  readonly companies: Map<string, number>;
  /** Flow ids by code. */
  readonly flows: Map<string, number>;
  /** Category ids by code. */
  readonly categories: Map<string, number>;
}

/** What a case's master data consists of. */
export interface CaseMasterInput {
  /** Reference (and group) currency. */
  readonly groupCurrency: string;
  /** Companies with their currencies, in case order. */
  readonly companies: readonly { readonly code: string; readonly currency: string }[];
  /** Accounts in chart order. */
  readonly accounts: readonly AccountDefinition[];
  /** Flows with their kinds. */
  readonly flows: readonly { readonly code: string; readonly kind: FlowKind }[];
  /** Category codes. */
  readonly categories: readonly string[];
}

/** Default rate type of an account the case gives none for, as the engine translates it. */
export function defaultRateType(type: string): 'CC' | 'AC' | 'HC' {
  if (type === 'PL') return 'AC';
  if (type === 'EQ') return 'HC';
  return 'CC';
}

/** Writes currencies, the customer, its user, companies, accounts, flows and categories. */
export async function writeCaseMaster(
  db: Kysely<ConsoDatabase>,
  input: CaseMasterInput,
): Promise<CaseMaster> {
  const currencies = new Set([input.groupCurrency, ...input.companies.map((c) => c.currency)]);
  const existing = new Set((await db.selectFrom('currencies').select('code').execute()).map((r) => r.code));
  const missing = [...currencies].filter((c) => !existing.has(c));
  await bulkInsert(
    db,
    'currencies',
    missing.map((code) => ({ code, name: code, decimals: 2 })),
  );
  await db
    .insertInto('customers')
    .values({
      code: CASE_CUSTOMER,
      name: 'Reference case',
      reference_currency: input.groupCurrency,
      created_at: CREATED_AT,
    })
    .execute();
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('code', '=', CASE_CUSTOMER)
    .executeTakeFirstOrThrow();
  const customerId = customer.id;
  await db
    .insertInto('users')
    .values({
      customer_id: customerId,
      login: CASE_USER,
      display_name: 'Case evaluation',
      email: null,
      language: 'en',
      created_at: CREATED_AT,
    })
    .execute();
  await bulkInsert(
    db,
    'companies',
    input.companies.map((c) => ({
      customer_id: customerId,
      code: c.code,
      name: c.code,
      currency: c.currency,
      country: null,
    })),
  );
  const roles = new Set<string>(ACCOUNT_ROLE_VALUES);
  await bulkInsert(
    db,
    'accounts',
    input.accounts.map((a) => ({
      customer_id: customerId,
      code: a.code,
      name: a.code,
      type: a.type,
      rate_type: a.rate ?? defaultRateType(a.type),
      // Roles the schema does not know mean nothing to the engine either.
      role: a.role !== undefined && roles.has(a.role) ? (a.role as AccountRole) : null,
      parent_id: null,
    })),
  );
  await bulkInsert(
    db,
    'flows',
    input.flows.map((f) => ({ customer_id: customerId, code: f.code, name: f.code, kind: f.kind })),
  );
  await bulkInsert(
    db,
    'categories',
    input.categories.map((code) => ({ customer_id: customerId, code, name: code })),
  );
  return {
    customerId,
    accounts: await codesToIds(db, 'accounts', customerId),
    companies: await codesToIds(db, 'companies', customerId),
    flows: await codesToIds(db, 'flows', customerId),
    categories: await codesToIds(db, 'categories', customerId),
  };
}

/** Writes a December period of `year` (and returns its id); `month` defaults to 12. */
export async function writePeriod(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  year: number,
  month = 12,
): Promise<number> {
  const code = `${year}${String(month).padStart(2, '0')}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  await db
    .insertInto('periods')
    .values({
      customer_id: customerId,
      year,
      month,
      code,
      start_date: `${year}-${String(month).padStart(2, '0')}-01`,
      end_date: `${year}-${String(month).padStart(2, '0')}-${last}`,
    })
    .execute();
  const row = await db
    .selectFrom('periods')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('year', '=', year)
    .where('month', '=', month)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a conso and returns its id and code (`YYYYMM` + category + `001`). */
export async function writeConso(
  db: Kysely<ConsoDatabase>,
  conso: {
    customerId: number;
    periodId: number;
    periodCode: string;
    categoryId: number;
    categoryCode: string;
    groupCurrency: string;
    parentId: number;
    noProportional?: boolean;
  },
): Promise<{ id: number; code: string }> {
  const code = `${conso.periodCode}${conso.categoryCode}001`;
  await db
    .insertInto('consos')
    .values({
      customer_id: conso.customerId,
      code,
      name: code,
      period_id: conso.periodId,
      category_id: conso.categoryId,
      group_currency: conso.groupCurrency,
      parent_company_id: conso.parentId,
      no_proportional: conso.noProportional === true ? 1 : 0,
      options: null,
      created_at: CREATED_AT,
    })
    .execute();
  const row = await db
    .selectFrom('consos')
    .select('id')
    .where('customer_id', '=', conso.customerId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/** Kind of a flow by its conventional code. */
export function flowKindOf(code: string): FlowKind {
  const upper = code.toUpperCase();
  if (['F00', 'OPENING', 'OPEN'].includes(upper)) return 'opening';
  if (['F99', 'CLOSING', 'CLOSE'].includes(upper)) return 'closing';
  if (upper === 'TRANSLATION_DIFF') return 'translation_diff';
  return 'movement';
}
