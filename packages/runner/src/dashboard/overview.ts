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
}

/** What `GET /dashboard/api/overview` answers. */
export interface OverviewView {
  /** Jobs per state. */
  states: Record<JobState, number>;
  /** States whose count stopped at `limit` (there are more). */
  capped: JobState[];
  /** The count limit per state. */
  limit: number;
  /** Per queue, sorted by name. */
  queues: QueueOverview[];
}

/**
 * Counts a customer's jobs per state and queue by listing them (pages of 1000, newest first):
 * a scan whose cost grows with the number of jobs, bounded by `limit` per state. The oldest
 * waiting job of a queue is the last Enqueued one the scan met, exact when its state was not capped.
 */
export async function buildOverview(
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
          queue = { queue: job.queue, states: {}, oldestWaitingAt: null, oldestWaitingId: null };
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
  return { states, capped, limit, queues: sorted };
}
