import type { QueueDepth, RunnerInfo, RunnerRecord } from '@hangar/core';
import { checkPositiveInteger } from '@hangar/core/adapter';
import type { MemoryStore } from './memory-store.js';
import { copyValue } from './value-copy.js';

/** Stores or refreshes a runner's advertisement until `ttlMs` from now. */
export function advertiseStoredRunner(store: MemoryStore, info: RunnerInfo, ttlMs: number): void {
  checkPositiveInteger('ttlMs', Math.ceil(ttlMs));
  const now = Date.now();
  store.runners.set(info.id, {
    ...copyValue(info),
    seenAt: new Date(now),
    expiresAt: new Date(now + Math.ceil(ttlMs)),
  });
}

/** The advertisements that have not lapsed, by id; lapsed ones are forgotten. */
export function listStoredRunners(store: MemoryStore): RunnerRecord[] {
  const now = Date.now();
  const alive: RunnerRecord[] = [];
  for (const [id, record] of store.runners) {
    if (record.expiresAt.getTime() <= now) store.runners.delete(id);
    else alive.push(copyValue(record));
  }
  return alive.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Enqueued jobs per queue, by queue name. */
export function storedQueueDepths(store: MemoryStore): QueueDepth[] {
  const depths = new Map<string, QueueDepth>();
  for (const job of store.jobs.values()) {
    if (job.state !== 'Enqueued') continue;
    const depth = depths.get(job.queue);
    if (!depth) depths.set(job.queue, { queue: job.queue, waiting: 1, oldestRunAt: new Date(job.runAt) });
    else {
      depth.waiting += 1;
      if (job.runAt < depth.oldestRunAt) depth.oldestRunAt = new Date(job.runAt);
    }
  }
  return [...depths.values()].sort((x, y) => (x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0));
}
