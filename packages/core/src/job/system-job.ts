import { SystemJobRequiredError } from '../errors/system-job-required-error.js';
import type { JobContext } from './job-context.js';

/** Options of {@link assertSystemJob}. */
export interface SystemJobCheck {
  /**
   * What is refused, as the error names it: the job type, with the parameter that made the run
   * system-wide when only some runs are (`utils.cleanup (kinds.0: jobs)`).
   * @defaultValue the job's type (`ctx.type`)
   */
  readonly what?: string;
  /**
   * Customers whose own jobs the operator allowed to do it anyway.
   * @defaultValue `[]` (none)
   */
  readonly allowedCustomers?: readonly string[];
}

/**
 * The one "system jobs only" rule of every job pack: a job with no tenant (`ctx.customerId`
 * undefined) always passes; a customer's job throws {@link SystemJobRequiredError} unless that
 * customer is in `allowedCustomers`. Call it before the job reads or changes anything.
 */
export function assertSystemJob(
  ctx: Pick<JobContext, 'customerId' | 'type'>,
  check: SystemJobCheck = {},
): void {
  const tenant = ctx.customerId;
  if (tenant === undefined || check.allowedCustomers?.includes(tenant) === true) return;
  throw new SystemJobRequiredError(check.what ?? ctx.type, tenant);
}
