import { JOB_STATES, type JobState } from '@hangar/core';
import type { HangarClient } from '../client/hangar-client.js';

/** Jobs counted per state before the count is reported as a lower bound. */
export const OVERVIEW_COUNT_LIMIT = 10_000;

const PAGE = 1000;

/** Counts of one queue. */
export interface QueueOverview {
  /** The queue. */
  queue: string;
  /** Jobs of the queue per state (only states with jobs). */
  states: Partial<Record<JobState, number>>;
  /** Creation time of the oldest Enqueued job of the queue, when one was seen. */
  oldestWaitingAt: string | null;
  /** Id of that job. */
  oldestWaitingId: string | null;
  /** States of the queue whose count is an estimate. */
  estimated: JobState[];
}

/** What `GET /dashboard/api/overview` answers. */
export interface OverviewView {
  /** Jobs per state. */
  states: Record<JobState, number>;
  /** States whose count is the adapter's estimate (shown with ≈). */
  estimated: JobState[];
  /** States whose count stopped at `limit` (there are more): only when the adapter cannot count. */
  capped: JobState[];
  /** The count limit per state of counting by listing. */
  limit: number;
  /** `counts` when the adapter counted (`QueueAdapter.countJobs`), `scan` when the jobs were listed. */
  method: 'counts' | 'scan';
  /** Per queue, sorted by name. */
  queues: QueueOverview[];
}

/**
 * A customer's jobs per state and queue: from the adapter's counts when it has them (no scan:
 * live states exact, finished states possibly estimated), else by listing them (`scanOverview`).
 */
export async function buildOverview(
  client: HangarClient,
  customerId: string,
  limit: number = OVERVIEW_COUNT_LIMIT,
): Promise<OverviewView> {
  const queue = client.queue;
  if (!queue.countJobs) return scanOverview(client, customerId, limit);
  const counted = await queue.countJobs({ customerId });
  const states = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const estimated = new Set<JobState>();
  const queues = new Map<string, QueueOverview>();
  const queueOf = (name: string) => {
    let entry = queues.get(name);
    if (!entry) {
      entry = { queue: name, states: {}, oldestWaitingAt: null, oldestWaitingId: null, estimated: [] };
      queues.set(name, entry);
    }
    return entry;
  };
  for (const c of counted.counts) {
    states[c.state] += c.count;
    const entry = queueOf(c.queue);
    entry.states[c.state] = (entry.states[c.state] ?? 0) + c.count;
    if (c.estimated) {
      estimated.add(c.state);
      if (!entry.estimated.includes(c.state)) entry.estimated.push(c.state);
    }
  }
  for (const oldest of counted.oldestWaiting) {
    const entry = queueOf(oldest.queue);
    entry.oldestWaitingAt = oldest.createdAt.toISOString();
    entry.oldestWaitingId = oldest.jobId;
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  const estimatedStates = JOB_STATES.filter((s) => estimated.has(s));
  return { states, estimated: estimatedStates, capped: [], limit, method: 'counts', queues: sorted };
}

/**
 * Counts a customer's jobs per state and queue by listing them (pages of 1000, newest first):
 * for an adapter without `countJobs`: a scan whose cost grows with the number of jobs, bounded by `limit` per state. The oldest
 * waiting job of a queue is the last Enqueued one the scan met, exact when its state was not capped.
 */
export async function scanOverview(
  client: HangarClient,
  customerId: string,
  limit: number = OVERVIEW_COUNT_LIMIT,
): Promise<OverviewView> {
  const states = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const capped: JobState[] = [];
  const queues = new Map<string, QueueOverview>();
  for (const state of JOB_STATES) {
    let cursor: string | undefined;
    scan: do {
      const page = await client.list({ customerId, states: [state], limit: PAGE, cursor });
      cursor = page.nextCursor;
      for (const job of page.items) {
        if (states[state] >= limit) {
          capped.push(state);
          break scan;
        }
        states[state] += 1;
        let queue = queues.get(job.queue);
        if (!queue) {
          queue = {
            queue: job.queue,
            states: {},
            oldestWaitingAt: null,
            oldestWaitingId: null,
            estimated: [],
          };
          queues.set(job.queue, queue);
        }
        queue.states[state] = (queue.states[state] ?? 0) + 1;
        const created = job.createdAt.toISOString();
        if (state === 'Enqueued' && (queue.oldestWaitingAt === null || created <= queue.oldestWaitingAt)) {
          queue.oldestWaitingAt = created;
          queue.oldestWaitingId = job.id;
        }
      }
    } while (cursor !== undefined);
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  return { states, estimated: [], capped, limit, method: 'scan', queues: sorted };
}
