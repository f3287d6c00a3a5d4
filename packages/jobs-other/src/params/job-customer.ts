import { type JobContext, TenantMismatchError } from '@hangar/core';

/**
 * The customer a job works for: its tenant, which a `customer` param may only repeat (anything
 * else is `TENANT_MISMATCH`); for a system job, the customer its params name, if any.
 */
export function jobCustomer(
  ctx: Pick<JobContext, 'customerId'>,
  customer: string | undefined,
): string | undefined {
  const tenant = ctx.customerId;
  if (tenant === undefined) return customer;
  if (customer !== undefined && customer !== tenant)
    throw new TenantMismatchError('customer', customer, tenant);
  return tenant;
}
