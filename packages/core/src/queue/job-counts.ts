import type { JobState } from '../state/job-state.js';

/** Which jobs `QueueAdapter.countJobs` counts. */
export interface JobCountsFilter {
  /** Only this tenant's jobs; all jobs without it. */
  customerId?: string;
}

/** How many jobs of one queue are in one state. */
export interface QueueStateCount {
  /** Queue name. */
  queue: string;
  /** The state. */
  state: JobState;
  /** How many (more than 0). */
  count: number;
  /** True when `count` is an estimate (only finished states may be estimated). */
  estimated: boolean;
}

/** The oldest Enqueued job of a queue. */
export interface OldestWaitingJob {
  /** Queue name. */
  queue: string;
  /** The job's id. */
  jobId: string;
  /** When it was enqueued. */
  createdAt: Date;
}

/** What `QueueAdapter.countJobs` answers. */
export interface JobCounts {
  /** Non-zero counts, by queue then state. */
  counts: QueueStateCount[];
  /** Per queue holding Enqueued jobs, the one enqueued first. */
  oldestWaiting: OldestWaitingJob[];
  /** When the finished states were counted (estimates are kept for a few seconds). */
  finishedCountedAt: Date;
}
