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
  const counts = new Map<string, number>();
  for (const job of store.jobs.values()) {
    if (job.state === 'Enqueued') counts.set(job.queue, (counts.get(job.queue) ?? 0) + 1);
  }
  return [...counts]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([queue, waiting]) => ({ queue, waiting }));
}
