import { assertTransition, type JobRecord, type JobState } from '@hangar/core';
import { parentConditionUnmetErrorInfo, parentGate } from '@hangar/core/adapter';
import type { PlainStore } from './plain-store.js';

/**
 * Moves `job` to `to`, with the other changes of the same step, and only then tells the
 * subscribers: a subscriber reading the job on hearing of the change sees the whole step.
 */
export function moveJob(
  store: PlainStore,
  job: JobRecord,
  to: JobState,
  now: number,
  changes?: () => void,
): void {
  assertTransition(job.id, job.state, to);
  job.state = to;
  job.updatedAt = new Date(now);
  changes?.();
  store.publish({ kind: 'state', jobId: job.id, queue: job.queue, state: to });
}

/** Processing → Enqueued, runnable at once; `release` gives the attempt back. */
export function handBack(store: PlainStore, job: JobRecord, now: number, giveAttemptBack: boolean): void {
  moveJob(store, job, 'Enqueued', now, () => {
    if (giveAttemptBack) job.attempts -= 1;
    job.runAt = new Date(now);
    job.leaseExpiresAt = undefined;
  });
}

/**
 * Ends `job` in a terminal state, then settles its Awaiting children: each is looked at afresh
 * against all its parents (a plain scan, as this queue is small), released when the last one
 * ended as asked and cancelled, naming the parent, when one cannot meet its condition any more.
 */
export function endJob(
  store: PlainStore,
  job: JobRecord,
  to: 'Succeeded' | 'Failed' | 'Cancelled',
  changes?: () => void,
): void {
  const now = Date.now();
  moveJob(store, job, to, now, () => {
    changes?.();
    job.leaseExpiresAt = undefined;
    job.finishedAt = new Date(now);
  });
  for (const { record: child } of store.jobs.values()) {
    if (child.state !== 'Awaiting' || !child.parents.some((p) => p.id === job.id)) continue;
    const gate = parentGate(child.parents, (id) => store.jobs.get(id)?.record.state);
    if (gate.kind === 'cancelled') {
      endJob(store, child, 'Cancelled', () => {
        child.errorInfo = parentConditionUnmetErrorInfo(gate.unmet);
      });
    } else if (gate.kind === 'ready') {
      moveJob(store, child, child.runAt.getTime() > now ? 'Scheduled' : 'Enqueued', now);
    }
  }
}
