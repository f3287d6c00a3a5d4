import { logModification } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { markConsoDeleting } from '../deletion/deletion-marks.js';
import { consoDeletionPlan } from '../deletion/deletion-plan.js';
import { deletionProgress, warnResumed } from '../deletion/deletion-progress.js';
import { runDeletion } from '../deletion/run-deletion.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { customerParam, deletionBatchParam, refParam } from './job-params.js';

/** Parameters of {@link deleteConsoJob}. */
export const deleteConsoParams = z.object({
  /** The conso, by id or code. */
  conso: refParam,
  /** Customer of the code (only a system job may name one other than its tenant). */
  customer: customerParam,
  /** Rows deleted per transaction. */
  batchSize: deletionBatchParam,
});

/** Parameters after defaults. */
export type DeleteConsoParams = z.output<typeof deleteConsoParams>;

/** Result of a conso deletion. */
export interface DeleteConsoResult {
  /** Code of the deleted conso. */
  readonly conso: string;
  /** Rows removed (or, for the modification log, detached) per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** True when the run finished a deletion an earlier run had started. */
  readonly resumed: boolean;
}

/** Job type name of {@link deleteConsoJob}. */
export const DELETE_CONSO_JOB_TYPE = 'conso.delete';

/**
 * DeleteConso: removes a conso and everything that hangs off it, in short batches. The conso is
 * marked first, so it is never used while half deleted, and a rerun after a crash resumes.
 */
export const deleteConsoJob = defineJob<
  DeleteConsoParams,
  DeleteConsoResult,
  z.input<typeof deleteConsoParams>
>({
  type: DELETE_CONSO_JOB_TYPE,
  description: t('conso.job.deleteConso'),
  params: deleteConsoParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `conso:${String(params.conso)}`,
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const options = consoJobsOptionsOf(services);
      const scope = await jobScope(db, ctx, params.customer);
      // Only this job may find a conso whose deletion started: it is here to finish it.
      const conso = await scope.conso(params.conso, 'conso', { allowDeleting: true });
      await scope.forConso(conso);
      // A run of the integration holds this lock: the deletion waits for it rather than pulling
      // rows from under it.
      const lock = await ctx.lock(`conso:${conso.id}`, {
        waitMs: options.lockWaitMs,
        ttlMs: options.lockTtlMs,
      });
      try {
        const since = await markConsoDeleting(db, conso);
        const resumed = conso.deleting_at !== null;
        if (resumed) warnResumed(ctx, conso.code, since);
        const userId = await userIdOfLogin(db, conso.customer_id, ctx.userId);
        const entry = { customerId: conso.customer_id, logGroup: ctx.jobId, userId, screen: ctx.type };
        await logModification(db, {
          ...entry,
          messageKey: 'conso.log.deletionStarted',
          params: { conso: conso.code, resumed },
          consoId: conso.id,
        });
        const rows = await runDeletion({
          consoDb,
          steps: consoDeletionPlan(conso.id),
          batchSize: params.batchSize,
          ctx,
          afterBatch: deletionProgress(ctx, conso.code),
        });
        const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
        await logModification(db, {
          ...entry,
          messageKey: 'conso.log.consoDeleted',
          params: { conso: conso.code, rows: total },
        });
        return { conso: conso.code, rows, resumed };
      } finally {
        await lock.release();
      }
    },
  }),
});
