import {
  JOB_STATES,
  type JobCounts,
  type JobCountsFilter,
  type JobState,
  type OldestWaitingJob,
  type QueueStateCount,
} from '@hangar/core';
import type { Redis } from 'ioredis';
import type { RedisScripts } from './redis-scripts.js';

/** One field of the `counts` hash read back: `<owner>|<state>`, the owner being `countOwner`'s. */
interface CountField {
  owner: string;
  customerId: string | undefined;
  queue: string;
  state: JobState;
}

/** Reads `<n>:<text>` at `at`; the text and where it ends, or undefined. */
function lengthPrefixed(field: string, at: number): { text: string; end: number } | undefined {
  const colon = field.indexOf(':', at);
  const length = Number(field.slice(at, colon));
  if (colon < 0 || !Number.isInteger(length) || length < 0) return undefined;
  return { text: field.slice(colon + 1, colon + 1 + length), end: colon + 1 + length };
}

/** Parses a `counts` field; undefined for one this version did not write. */
export function parseCountField(field: string): CountField | undefined {
  let customerId: string | undefined;
  let at = 0;
  if (field.startsWith('-|')) at = 1;
  else {
    const customer = lengthPrefixed(field, 0);
    if (!customer) return undefined;
    customerId = customer.text;
    at = customer.end;
  }
  if (field[at] !== '|') return undefined;
  const queue = lengthPrefixed(field, at + 1);
  if (!queue || field[queue.end] !== '|') return undefined;
  const state = field.slice(queue.end + 1) as JobState;
  if (!JOB_STATES.includes(state)) return undefined;
  return { owner: field.slice(0, queue.end), customerId, queue: queue.text, state };
}

/**
 * `countJobs` of the Redis adapter: the `counts` hash and the first entries of the `wait:` zsets,
 * which the scripts keep on every move, so nothing is scanned; every count is exact. A deployment
 * whose jobs were stored by a version that kept no counts is recounted once, on the first call.
 */
export async function countRedisJobs(
  redis: Redis,
  scripts: RedisScripts,
  base: string,
  filter: JobCountsFilter = {},
): Promise<JobCounts> {
  await scripts.recount();
  const raw = await redis.hgetall(`${base}counts`);
  const totals = new Map<string, QueueStateCount>();
  const waitingOwners = new Set<string>();
  for (const [name, value] of Object.entries(raw)) {
    const field = parseCountField(name);
    const count = Number(value);
    if (!field || !(count > 0)) continue;
    if (filter.customerId !== undefined && field.customerId !== filter.customerId) continue;
    const key = `${field.queue}\u0000${JOB_STATES.indexOf(field.state)}`;
    const total = totals.get(key);
    if (total) total.count += count;
    else totals.set(key, { queue: field.queue, state: field.state, count, estimated: false });
    if (field.state === 'Enqueued') waitingOwners.add(field.owner);
  }
  const oldest = new Map<string, OldestWaitingJob & { seq: number }>();
  if (waitingOwners.size > 0) {
    const heads = (await scripts.oldestWaiting(...waitingOwners)) as string[];
    for (let i = 0; i + 4 <= heads.length; i += 4) {
      const [owner, jobId, seq, createdAt] = heads.slice(i, i + 4) as [string, string, string, string];
      const queue = parseCountField(`${owner}|Enqueued`)?.queue;
      if (queue === undefined) continue;
      const first = oldest.get(queue);
      if (!first || Number(seq) < first.seq) {
        oldest.set(queue, { queue, jobId, createdAt: new Date(Number(createdAt)), seq: Number(seq) });
      }
    }
  }
  const byKey = <T>(entries: Map<string, T>) =>
    [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
  return {
    counts: byKey(totals),
    oldestWaiting: byKey(oldest).map(({ queue, jobId, createdAt }) => ({ queue, jobId, createdAt })),
    finishedCountedAt: new Date(),
  };
}
