import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobState, QueueAdapter, RetentionPolicy } from '@hangar/core';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';
import type { CleanupCount, CleanupRun } from './cleanup-kinds.js';

const FINISHED: readonly [JobState, keyof RetentionPolicy][] = [
  ['Succeeded', 'succeededMs'],
  ['Cancelled', 'cancelledMs'],
  ['Failed', 'failedMs'],
];

/** The adapters' batch when the policy names none (`RetentionPolicy.batchSize`). */
const DEFAULT_BATCH = 1_000;

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
 * call, one batch at a time (checking the job's signal between batches), until a batch comes back
 * short: nothing past retention was left when it ran. Waiting for an empty batch instead never
 * ends while jobs keep finishing past a short retention (age 0 and a busy queue: each batch finds
 * the few jobs that finished during the previous one).
 */
export async function cleanFinishedJobs(
  queue: QueueAdapter,
  policy: RetentionPolicy,
  run: CleanupRun,
  /** Pause after each batch, as a multiple of the batch's time (`cleanup.pauseRatio`). */
  pauseRatio = 0,
): Promise<CleanupCount> {
  if (run.dryRun) return { kind: 'jobs', count: await countExpired(queue, policy, run), bytes: null };
  let count = 0;
  for (;;) {
    await checkpointTurn(run.ctx);
    const started = performance.now();
    const deleted = await queue.cleanup(policy);
    const tookMs = performance.now() - started;
    count += deleted;
    run.progress(count);
    if (deleted < (policy.batchSize ?? DEFAULT_BATCH)) return { kind: 'jobs', count, bytes: null };
    // Leaves the database to the queue's own work for a while; cancellation cuts the pause short.
    if (pauseRatio > 0)
      await sleep(tookMs * pauseRatio, undefined, { signal: run.ctx.signal }).catch(() => {});
  }
}
