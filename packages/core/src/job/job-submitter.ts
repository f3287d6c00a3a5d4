import type { MessageParam } from '../i18n/translatable-string.js';
import type { JobRecord } from '../queue/job-record.js';
import type { ParentDependencyInput } from '../queue/parent-dependency.js';
import type { CancelOutcome } from '../queue/queue-adapter.js';
import type { JobContext } from './job-context.js';
import { createServiceToken } from './services.js';

/** Options of a job enqueued by a running job. */
export interface SubmitOptions {
  /** Queue name. @defaultValue the type's queue */
  queue?: string;
  /** Lower runs first. @defaultValue 0 */
  priority?: number;
  /** Earliest run time. @defaultValue now */
  runAt?: Date;
  /** Parents it waits on, with their conditions. @defaultValue none */
  parents?: readonly ParentDependencyInput[];
  /** Enqueuing twice with the same key gives one job (per customer). */
  idempotencyKey?: string;
  /** Labels (for example the workflow and step a job belongs to). */
  metadata?: Record<string, MessageParam>;
  /** Aborts the call. */
  signal?: AbortSignal;
}

/**
 * Lets a running job put other jobs on the queue — a workflow's steps, a process's due work.
 * The submitted job always runs under the submitting job's tenant and user (`ctx.customerId`,
 * `ctx.userId`): a job cannot enqueue work for another customer, whatever its params say.
 * Params are validated against the target type's schema before anything is stored.
 *
 * The runner registers one under {@link jobSubmitterToken}.
 *
 * @example
 * const jobs = ctx.services.get(jobSubmitterToken);
 * const rates = await jobs.submit(ctx, 'importexport.import-rates', { file: 'rates.csv' });
 * await jobs.submit(ctx, 'conso.consolidate', { conso: 'ACT-2026-12' }, { parents: [{ id: rates.id }] });
 */
export interface JobSubmitter {
  /** Enqueues one job under the tenant and user of `ctx`. */
  submit(ctx: JobContext, type: string, params: unknown, options?: SubmitOptions): Promise<JobRecord>;
  /**
   * Enqueues several jobs atomically (all or none), in order; a later one may name an earlier
   * one as parent by its index in `jobs` with `{ index }` in place of an id.
   */
  submitAll(
    ctx: JobContext,
    jobs: readonly SubmitRequest[],
    options?: { signal?: AbortSignal },
  ): Promise<JobRecord[]>;
  /** A job of the same tenant, or undefined (another tenant's job reads as absent). */
  get(ctx: JobContext, id: string): Promise<JobRecord | undefined>;
  /**
   * Cancels a job of the same tenant: a waiting one never runs, a running one is stopped.
   * Another tenant's job is `not-found`.
   */
  cancel(ctx: JobContext, id: string): Promise<CancelOutcome>;
}

/** One job of {@link JobSubmitter.submitAll}. */
export interface SubmitRequest extends Omit<SubmitOptions, 'parents' | 'signal'> {
  /** Job type name. */
  type: string;
  /** Params, validated against the type's schema. */
  params: unknown;
  /** Parents: an existing job by id, or an earlier request of the same call by index. */
  parents?: ReadonlyArray<ParentDependencyInput | { index: number; on?: ParentDependencyInput['on'] }>;
}

/** Where the runner registers its {@link JobSubmitter}. */
export const jobSubmitterToken = createServiceToken<JobSubmitter>('hangar.job-submitter');
