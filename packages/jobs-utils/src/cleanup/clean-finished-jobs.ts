import type { JobState, QueueAdapter, RetentionPolicy } from '@hangar/core';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';
import type { CleanupCount, CleanupRun } from './cleanup-kinds.js';

const FINISHED: readonly [JobState, keyof RetentionPolicy][] = [
  ['Succeeded', 'succeededMs'],
  ['Cancelled', 'cancelledMs'],
  ['Failed', 'failedMs'],
];

/** Counts what `cleanup(policy)` would delete, page by page, for a dry run. */
async function countExpired(queue: QueueAdapter, policy: RetentionPolicy, run: CleanupRun): Promise<number> {
  const now = Date.now();
  let count = 0;
  for (const [state, age] of FINISHED) {
    const cutoff = now - (policy[age] ?? 0);
    let cursor: string | undefined;
    do {
      run.ctx.checkpoint();
      const page = await queue.list({ states: [state], limit: 1_000, cursor });
      count += page.items.filter((job) => (job.finishedAt?.getTime() ?? now) < cutoff).length;
      cursor = page.nextCursor;
      run.progress(count);
    } while (cursor !== undefined);
  }
  return count;
}

/**
 * Deletes finished jobs and their logs past their retention through the queue's own retention
 * call, one batch at a time (checking the job's signal between batches), until none is left.
 */
export async function cleanFinishedJobs(
  queue: QueueAdapter,
  policy: RetentionPolicy,
  run: CleanupRun,
): Promise<CleanupCount> {
  if (run.dryRun) return { kind: 'jobs', count: await countExpired(queue, policy, run), bytes: null };
  let count = 0;
  for (;;) {
    await checkpointTurn(run.ctx);
    const deleted = await queue.cleanup(policy);
    count += deleted;
    run.progress(count);
    if (deleted === 0) return { kind: 'jobs', count, bytes: null };
  }
}
