import { type ConsoDatabase, TenantScope } from '@hangar/conso-db';
import type { JobContext } from '@hangar/core';
import type { Kysely } from 'kysely';

/**
 * The tenant scope of a consolidation job: the job's tenant is the authority; only a system job
 * (no tenant) may choose its customer through the `customer` param.
 */
export function jobScope(
  db: Kysely<ConsoDatabase>,
  ctx: Pick<JobContext, 'customerId'>,
  customer: string | number | undefined,
): Promise<TenantScope> {
  return TenantScope.open(db, { tenant: ctx.customerId, customer });
}
