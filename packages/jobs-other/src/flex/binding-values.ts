import type { ConsoDatabase, TenantScope } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { FlexBinding, FlexDimension } from './flex-binding.js';

/** A binding with every reference resolved to ids inside the tenant. */
export interface ResolvedBinding {
  rows: { dimension: FlexDimension; ids: number[] };
  columns: { dimension: FlexDimension; ids: number[] };
  accountIds: number[] | undefined;
  companyIds: number[] | undefined;
  consoIds: number[];
}

const COLUMN: Record<FlexDimension, 'account_id' | 'company_id' | 'conso_id'> = {
  account: 'account_id',
  company: 'company_id',
  conso: 'conso_id',
};

/**
 * Resolves a binding's members and filters through the tenant scope (another customer's id is
 * `TENANT_MISMATCH`, an unknown code `SCOPE_NOT_FOUND`, each naming its param).
 */
export async function resolveBinding(
  scope: TenantScope,
  binding: FlexBinding,
  defaultConsoId: number,
  param: string,
): Promise<ResolvedBinding> {
  // In the order given (a conso list from the scope would come back sorted by code).
  const idsOf = async (dimension: FlexDimension, refs: readonly (string | number)[], at: string) => {
    if (dimension === 'account') return scope.accounts(refs, at);
    if (dimension === 'company') return scope.companies(refs, at);
    return Promise.all(refs.map(async (ref, i) => (await scope.conso(ref, `${at}.${i}`)).id));
  };
  const axis = async (name: 'rows' | 'columns') => ({
    dimension: binding[name].dimension,
    ids: await idsOf(binding[name].dimension, binding[name].members, `${param}.${name}.members`),
  });
  return {
    rows: await axis('rows'),
    columns: await axis('columns'),
    accountIds: binding.accounts && (await idsOf('account', binding.accounts, `${param}.accounts`)),
    companyIds: binding.companies && (await idsOf('company', binding.companies, `${param}.companies`)),
    consoIds: binding.consos ? await idsOf('conso', binding.consos, `${param}.consos`) : [defaultConsoId],
  };
}

/**
 * The amounts of a binding, one grouped query over consolidated data: `[row][column]` in group
 * currency, summed in cents; 0 where there is none.
 */
export async function bindingValues(
  db: Kysely<ConsoDatabase>,
  binding: ResolvedBinding,
): Promise<number[][]> {
  const row = COLUMN[binding.rows.dimension];
  const column = COLUMN[binding.columns.dimension];
  const filters: Record<FlexDimension, number[] | undefined> = {
    account: binding.accountIds,
    company: binding.companyIds,
    conso: binding.consoIds,
  };
  filters[binding.rows.dimension] = binding.rows.ids;
  filters[binding.columns.dimension] = binding.columns.ids;
  let query = db
    .selectFrom('consolidated_data')
    .select([
      sql<number>`${sql.ref(row)}`.as('row_id'),
      sql<number>`${sql.ref(column)}`.as('column_id'),
      sql<number>`sum(round(${sql.ref('amount_gc')} * 100, 0))`.as('cents'),
    ]);
  for (const dimension of ['account', 'company', 'conso'] as const) {
    const ids = filters[dimension];
    if (ids !== undefined) query = query.where(COLUMN[dimension], 'in', [...new Set(ids)]);
  }
  const rows = await query.groupBy([row, column]).execute();
  const cents = new Map(rows.map((r) => [`${r.row_id}:${r.column_id}`, Number(r.cents)]));
  return binding.rows.ids.map((r) => binding.columns.ids.map((c) => (cents.get(`${r}:${c}`) ?? 0) / 100));
}
