import type { JobContext } from '@hangar/core';
import { SystemJobRequiredError } from '../errors/system-job-required-error.js';

/** Refuses a customer's run of a whole-database job before it reads anything. */
export function assertSystemJob(ctx: Pick<JobContext, 'customerId' | 'type'>): void {
  if (ctx.customerId !== undefined) throw new SystemJobRequiredError(ctx.type, ctx.customerId);
}
