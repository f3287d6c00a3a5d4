import { assertPeriodsOpen, type ConsoDatabase, type ScopeCustomer, TenantScope } from '@hangar/conso-db';
import type { JobContext } from '@hangar/core';
import type { Kysely } from 'kysely';

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

/** A job's scope and the customer it is confined to. */
export interface JobScope {
  /** Resolves every other reference of the params, inside the customer. */
  readonly scope: TenantScope;
  /** The tenant's customer, or for a system job the one its `customer` param names. */
  readonly customer: ScopeCustomer;
}

/**
 * Opens the tenant scope of an import or export job. The job's tenant is the authority: its
 * `customer` param may only repeat it; a system job (no tenant) must name its customer.
 */
export async function openJobScope(
  db: Kysely<ConsoDatabase>,
  ctx: Pick<JobContext, 'customerId'>,
  customer: string | undefined,
): Promise<JobScope> {
  const scope = await TenantScope.open(db, { tenant: ctx.customerId, customer });
  return { scope, customer: scope.requireCustomer() };
}

/** The customer's conso with this code, as the import and export jobs use it. */
export async function consoRef(scope: TenantScope, code: string, param = 'conso'): Promise<ConsoRef> {
  const row = await scope.conso(code, param);
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

/**
 * The conso an import writes into: {@link consoRef}, refused with `PeriodClosedError` while its
 * period is closed, before the file is read.
 */
export async function importConsoRef(
  db: Kysely<ConsoDatabase>,
  scope: TenantScope,
  code: string,
  param = 'conso',
): Promise<ConsoRef> {
  const conso = await consoRef(scope, code, param);
  await assertPeriodsOpen(db, [conso.periodId]);
  return conso;
}
