import type { JobContext } from '@hangar/core';
import { SystemOnlyError } from '../errors/system-only-error.js';

/**
 * Refuses a customer's run of a job type that acts on the whole system, unless the operator's
 * settings name that customer. A system job (no tenant) always passes.
 */
export function assertSystemOrAllowed(
  ctx: Pick<JobContext, 'customerId' | 'type'>,
  jobType: string,
  allowedCustomers: readonly string[],
): void {
  const tenant = ctx.customerId;
  if (tenant !== undefined && !allowedCustomers.includes(tenant)) throw new SystemOnlyError(jobType, tenant);
}
