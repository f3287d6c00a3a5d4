import type { JobContext } from '@hangar/core';

/** Rethrows the cancellation reason once the job was cancelled, whatever failed meanwhile. */
export function throwIfCancelled(ctx: JobContext, error: unknown): void {
  if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
}
