import type { JobState } from '../state/job-state.js';
import type { JobRecord } from './job-record.js';
import type { QueueAdapter } from './queue-adapter.js';

/** The terminal states a trigger can fire on. */
export type TriggerEndState = 'Succeeded' | 'Failed' | 'Cancelled';

/** Every state a trigger can fire on, in the order they are documented. */
export const TRIGGER_END_STATES: readonly TriggerEndState[] = ['Succeeded', 'Failed', 'Cancelled'];

/** Which job ends fire a trigger. */
export interface TriggerEvent {
  /** Job type of the ended job (`conso.workflow` for a workflow). */
  type: string;
  /** Only this customer's jobs; the triggered job then runs as this customer. Unset: every customer's, each triggered job running as the ended job's customer. */
  customerId?: string;
  /** The terminal states that fire it (at least one). */
  states: TriggerEndState[];
  /** Only jobs whose metadata holds each of these values (`{ workflow: 'month-end' }`). */
  metadata?: Record<string, string>;
}

/** The job a trigger enqueues when it fires. It always runs under the ended job's customer. */
export interface TriggerJob {
  /** Job type. */
  type: string;
  /** Its parameters (validated when the trigger is saved). */
  params: unknown;
  /** Queue; defaults to the type's default queue. */
  queue?: string;
  /** Lower runs first. @defaultValue 0 */
  priority?: number;
}

/**
 * Where a trigger's sweep stands: every job that ended after this point (by the adapter's
 * order of finish time, then job id) has yet to be looked at.
 */
export interface TriggerCursor {
  /** Finish time of the last job looked at (or the trigger's start). */
  at: Date;
  /** Id of the last job looked at; unset: every job that finished at `at` has been looked at. */
  jobId?: string;
}

/** An event trigger: a job enqueued once per matching job end. */
export interface TriggerRecord {
  /** Unique name (triggers have their own names, apart from schedules). */
  name: string;
  /** Which job ends fire it. */
  on: TriggerEvent;
  /** What it enqueues. */
  job: TriggerJob;
  /** A paused trigger does not fire. */
  paused: boolean;
  /** Jobs that ended at or before this time never fire it (its creation, or its last resume). */
  since: Date;
  /** Where its sweep stands. */
  cursor: TriggerCursor;
  /** Last time it fired, as far as its sweep knows. */
  lastFiredAt: Date | null;
}

/** Which finished jobs a trigger sweep reads. */
export interface FinishedJobsQuery {
  /** Only jobs that ended after this point. */
  after: TriggerCursor;
  /**
   * Leave out jobs that ended less than this many ms ago by the backend's clock, so that a job
   * whose end is still being committed with an earlier time is not passed over.
   */
  settledMs: number;
  /** Only these types. */
  types: readonly string[];
  /** Only these terminal states. */
  states: readonly JobState[];
  /** Only this customer's jobs. */
  customerId?: string;
  /** At most this many, a positive integer. */
  limit: number;
}

/** One step of a trigger sweep through finished jobs. */
export interface FinishedJobsPage {
  /** The jobs of the wanted types, states and customer, oldest end first. */
  jobs: JobRecord[];
  /**
   * The last point looked at (a sweep moves its cursor there): the last job returned, or a later
   * one the adapter passed over because it was not wanted; undefined when nothing was looked at.
   */
  reached: TriggerCursor | undefined;
  /** Whether more finished jobs may follow `reached` already. */
  more: boolean;
}

/**
 * Storage of event triggers and the read their sweep needs. An adapter that implements it
 * supports triggers; the memory, PostgreSQL and Redis adapters all do.
 */
export interface TriggerStore {
  /** Creates or replaces a trigger (its cursor too). */
  saveTrigger(trigger: TriggerRecord): Promise<void>;
  /** One trigger. */
  getTrigger(name: string): Promise<TriggerRecord | undefined>;
  /** All triggers, by name. */
  listTriggers(): Promise<TriggerRecord[]>;
  /** Deletes a trigger; false if there was none. */
  deleteTrigger(name: string): Promise<boolean>;
  /**
   * Compare-and-set of a trigger's cursor: moves it to `next` (and its last firing to
   * `firedAt` when given) only while it still equals `expected`; false otherwise.
   */
  advanceTrigger(
    name: string,
    expected: TriggerCursor,
    next: TriggerCursor,
    firedAt: Date | null,
  ): Promise<boolean>;
  /**
   * Finished jobs of the query after its cursor, in the order of their finish time then id (the
   * order `TriggerCursor` follows), oldest first: looks at `limit` finished jobs at most.
   */
  listFinishedJobs(query: FinishedJobsQuery): Promise<FinishedJobsPage>;
}

/** Whether an adapter stores triggers. */
export function supportsTriggers(queue: QueueAdapter): queue is QueueAdapter & TriggerStore {
  const q = queue as Partial<TriggerStore>;
  return (
    typeof q.saveTrigger === 'function' &&
    typeof q.getTrigger === 'function' &&
    typeof q.listTriggers === 'function' &&
    typeof q.deleteTrigger === 'function' &&
    typeof q.advanceTrigger === 'function' &&
    typeof q.listFinishedJobs === 'function'
  );
}

/** Whether two cursors stand at the same point. */
export function sameTriggerCursor(a: TriggerCursor, b: TriggerCursor): boolean {
  return a.at.getTime() === b.at.getTime() && a.jobId === b.jobId;
}

/**
 * Whether a finished job matches a trigger's event: type, customer, end state and every
 * metadata value. Jobs a trigger enqueued itself never fire it (no endless loop on its own
 * job type).
 */
export function triggerMatches(trigger: Pick<TriggerRecord, 'name' | 'on'>, job: JobRecord): boolean {
  const { on } = trigger;
  if (job.type !== on.type) return false;
  if (!(on.states as readonly string[]).includes(job.state)) return false;
  if (on.customerId !== undefined && job.customerId !== on.customerId) return false;
  if (job.metadata?.trigger === trigger.name) return false;
  for (const [key, value] of Object.entries(on.metadata ?? {})) {
    if (job.metadata?.[key] !== value) return false;
  }
  return true;
}
