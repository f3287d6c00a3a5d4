import {
  type CancelOutcome,
  ConfigurationError,
  type JobContext,
  JobNotFoundError,
  type JobRecord,
  type JobSubmitter,
  type JobWatch,
  type ParentDependencyInput,
  type SubmitOptions,
  type SubmitRequest,
} from '@hangar/core';
import type { EnqueueCallOptions, HangarClient } from '../client/hangar-client.js';
import { RunnerJobWatch } from './runner-job-watch.js';

type RequestParent = NonNullable<SubmitRequest['parents']>[number];

/**
 * The runner's {@link JobSubmitter}: a running job enqueues other jobs through the runner's
 * client, so their params are validated against the registry and their enqueue is traced and
 * emitted like any other. The tenant and user always come from the submitting job's context,
 * never from the call, and a parent of another tenant reads as absent.
 *
 * @example
 * const jobs = ctx.services.get(jobSubmitterToken);
 * const [rates] = await jobs.submitAll(ctx, [
 *   { type: 'importexport.import-rates', params: { file: 'rates.csv' } },
 *   { type: 'conso.consolidate', params: { conso: 'ACT-2026-12' }, parents: [{ index: 0 }] },
 * ]);
 */
export class RunnerJobSubmitter implements JobSubmitter {
  constructor(
    private readonly client: HangarClient,
    /** How often a watch reads a few of its jobs in case a change was lost, in ms. */
    private readonly checkEveryMs = 2000,
  ) {}

  async submit(
    ctx: JobContext,
    type: string,
    params: unknown,
    options: SubmitOptions = {},
  ): Promise<JobRecord> {
    const { signal, parents, ...rest } = options;
    const [job] = await this.submitAll(ctx, [{ ...rest, type, params, parents }], { signal });
    return job as JobRecord;
  }

  /**
   * Validates every request first (nothing is stored when one is bad). Requests without a parent
   * among the same call are enqueued in one atomic adapter call; a request naming an earlier one
   * by `index` is enqueued after it, in a later call, so a crash between the calls can leave the
   * first ones alone: give idempotency keys, and submitting again completes the set without
   * duplicating any job.
   */
  async submitAll(
    ctx: JobContext,
    jobs: readonly SubmitRequest[],
    options: { signal?: AbortSignal } = {},
  ): Promise<JobRecord[]> {
    const { signal } = options;
    for (const [i, job] of jobs.entries()) {
      this.client.registry.validate(job.type, job.params);
      for (const [p, parent] of (job.parents ?? []).entries()) {
        if ('index' in parent && !(Number.isInteger(parent.index) && parent.index >= 0 && parent.index < i)) {
          throw new ConfigurationError(
            `jobs.${i}.parents.${p}.index`,
            `must name an earlier job of the same call (0 to ${i - 1}), got ${String(parent.index)}`,
          );
        }
      }
    }
    await this.checkParentsVisible(ctx, jobs);
    const levels = levelsOf(jobs);
    const records: JobRecord[] = new Array(jobs.length);
    for (const level of levels) {
      signal?.throwIfAborted();
      const results = await this.client.enqueueMany(
        level.map((i) => {
          const job = jobs[i] as SubmitRequest;
          return { type: job.type, params: job.params, options: this.enqueueOptions(ctx, job, records) };
        }),
        { signal },
      );
      for (const [k, i] of level.entries()) records[i] = (results[k] as { job: JobRecord }).job;
    }
    return records;
  }

  async get(ctx: JobContext, id: string): Promise<JobRecord | undefined> {
    const job = await this.client.get(id, { customerId: ctx.customerId });
    // Without a tenant, a job sees only jobs without one: never a customer's.
    if (job && job.customerId !== ctx.customerId) return undefined;
    return job;
  }

  validate(type: string, params: unknown): unknown {
    return this.client.registry.validate(type, params);
  }

  watch(ctx: JobContext): Promise<JobWatch> {
    return RunnerJobWatch.open(this.client.queue, ctx.customerId, this.checkEveryMs);
  }

  async cancel(ctx: JobContext, id: string): Promise<CancelOutcome> {
    if (!(await this.get(ctx, id))) return 'not-found';
    return this.client.cancel(id, { customerId: ctx.customerId });
  }

  private async checkParentsVisible(ctx: JobContext, jobs: readonly SubmitRequest[]): Promise<void> {
    const ids = new Set<string>();
    for (const job of jobs) for (const parent of job.parents ?? []) if ('id' in parent) ids.add(parent.id);
    for (const id of ids) if (!(await this.get(ctx, id))) throw new JobNotFoundError(id);
  }

  private enqueueOptions(
    ctx: JobContext,
    job: SubmitRequest,
    records: readonly JobRecord[],
  ): EnqueueCallOptions {
    const parents: ParentDependencyInput[] = (job.parents ?? []).map((parent: RequestParent) =>
      'index' in parent
        ? { id: (records[parent.index] as JobRecord).id, on: parent.on ?? 'success' }
        : { id: parent.id, on: parent.on ?? 'success' },
    );
    return {
      queue: job.queue,
      priority: job.priority,
      runAt: job.runAt,
      idempotencyKey: job.idempotencyKey,
      metadata: job.metadata,
      customerId: ctx.customerId,
      userId: ctx.userId,
      // Every adapter takes `parents` (with conditions); `parentId` is only its shorthand.
      parents: parents.length > 0 ? parents : undefined,
    };
  }
}

/** Indexes of the requests grouped so that each group's in-call parents are in earlier groups. */
function levelsOf(jobs: readonly SubmitRequest[]): number[][] {
  const depth: number[] = [];
  const levels: number[][] = [];
  for (const [i, job] of jobs.entries()) {
    let d = 0;
    for (const parent of job.parents ?? [])
      if ('index' in parent) d = Math.max(d, (depth[parent.index] ?? 0) + 1);
    depth[i] = d;
    const level = levels[d] ?? [];
    level.push(i);
    levels[d] = level;
  }
  return levels;
}
