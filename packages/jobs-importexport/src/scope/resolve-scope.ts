import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';
import { ImportScopeError } from '../errors/import-scope-error.js';

/** A customer as the jobs need it. */
export interface CustomerRef {
  id: number;
  code: string;
  referenceCurrency: string;
}

/** A conso with the codes of its period and category. */
export interface ConsoRef {
  id: number;
  code: string;
  periodId: number;
  categoryId: number;
  periodCode: string;
  categoryCode: string;
  groupCurrency: string;
  parentCompanyId: number;
}

/** The customer with this code; throws `ImportScopeError` when there is none. */
export async function resolveCustomer(db: Kysely<ConsoDatabase>, code: string): Promise<CustomerRef> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'code', 'reference_currency'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new ImportScopeError('customer', code);
  return { id: row.id, code: row.code, referenceCurrency: row.reference_currency };
}

/** Id of a customer's period (`YYYYMM`). */
export async function resolvePeriod(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  code: string,
): Promise<number> {
  const row = await db
    .selectFrom('periods')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new ImportScopeError('period', code);
  return row.id;
}

/** Id of a customer's category (`ACT`, `BUD`...). */
export async function resolveCategory(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  code: string,
): Promise<number> {
  const row = await db
    .selectFrom('categories')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new ImportScopeError('category', code);
  return row.id;
}

/** A customer's conso by code. */
export async function resolveConso(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  code: string,
): Promise<ConsoRef> {
  const row = await db
    .selectFrom('consos')
    .innerJoin('periods', 'periods.id', 'consos.period_id')
    .innerJoin('categories', 'categories.id', 'consos.category_id')
    .select([
      'consos.id',
      'consos.code',
      'consos.period_id',
      'consos.category_id',
      'consos.group_currency',
      'consos.parent_company_id',
      'periods.code as period_code',
      'categories.code as category_code',
    ])
    .where('consos.customer_id', '=', customerId)
    .where('consos.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new ImportScopeError('conso', code);
  return {
    id: row.id,
    code: row.code,
    periodId: row.period_id,
    categoryId: row.category_id,
    periodCode: row.period_code,
    categoryCode: row.category_code,
    groupCurrency: row.group_currency,
    parentCompanyId: row.parent_company_id,
  };
}

/** Ids of the named companies, in order; throws for the first unknown code. */
export async function resolveCompanies(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  codes: readonly string[],
): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'code'])
    .where('customer_id', '=', customerId)
    .where('code', 'in', [...codes])
    .execute();
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  return codes.map((code) => {
    const id = ids.get(code);
    if (id === undefined) throw new ImportScopeError('company', code);
    return id;
  });
}
