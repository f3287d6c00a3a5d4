import { setImmediate } from 'node:timers/promises';
import type { JobContext } from '@hangar/core';

/**
 * Lets the event loop take a turn, then throws if the job was cancelled. SQLite runs each
 * statement synchronously, so a loop of statements never yields on its own: without this turn a
 * cancel request (and the job's log) would not be heard before the loop ends.
 */
export async function checkpointTurn(ctx: Pick<JobContext, 'checkpoint'>): Promise<void> {
  await setImmediate();
  ctx.checkpoint();
}
