import { logModification, TenantScope } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { inCancellableTransaction } from '../cancellation/cancellable-transaction.js';
import { copyStructure, structureConflicts } from '../copying/structure-copy-plan.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { CopyConflictError } from '../errors/copy-conflict-error.js';
import { customerParam, refParam } from './job-params.js';

/** Parameters of {@link copyStructureJob}. */
export const copyStructureParams = z.object({
  /** Source customer (a customer's job: its own). */
  customer: customerParam,
  /** Target customer; another customer than the job's own is for system jobs only. */
  targetCustomer: refParam,
  /** `fail`: any code both customers have refuses the copy; `skip`: copy only what the target lacks. */
  onConflict: z.enum(['fail', 'skip']).default('fail'),
});

/** Parameters after defaults. */
export type CopyStructureParams = z.output<typeof copyStructureParams>;

/** Result of a structure copy. */
export interface CopyStructureResult {
  readonly source: string;
  readonly target: string;
  /** Rows inserted per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** `table:code` both customers had (left as the target has them). */
  readonly conflicts: readonly string[];
}

/** Job type name of {@link copyStructureJob}. */
export const COPY_STRUCTURE_JOB_TYPE = 'conso.copy-structure';

/**
 * CopyStructure: copies a customer's structure — companies, accounts (with their tree), flows,
 * categories, IC rules and formulas — to another customer, remapping ids through codes, in one
 * transaction; conflicts (codes both have) are reported, and refuse the copy unless `skip`.
 */
export const copyStructureJob = defineJob<
  CopyStructureParams,
  CopyStructureResult,
  z.input<typeof copyStructureParams>
>({
  type: COPY_STRUCTURE_JOB_TYPE,
  description: t('conso.job.copyStructure'),
  params: copyStructureParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const source = (await jobScope(db, ctx, params.customer)).requireCustomer();
      // The target goes through the scope too: a customer's job may only name itself.
      const target = (
        await TenantScope.open(db, {
          tenant: ctx.customerId,
          customer: params.targetCustomer,
          customerParam: 'targetCustomer',
        })
      ).requireCustomer();
      const copy = { sourceId: source.id, targetId: target.id };
      const conflicts = await structureConflicts(db, copy);
      if (conflicts.length > 0 && params.onConflict === 'fail') {
        const shown =
          conflicts.length > 20 ? [...conflicts.slice(0, 20), `… ${conflicts.length - 20} more`] : conflicts;
        throw new CopyConflictError('targetCustomer', 'structure', shown);
      }
      const rows = await inCancellableTransaction(consoDb, ctx, (trx) =>
        copyStructure(trx, copy, (table, index, total) => {
          ctx.checkpoint();
          ctx.progress(t('conso.progress.copying', { source: source.code, target: target.code, table }), {
            current: index,
            total,
          });
        }),
      );
      await logModification(db, {
        customerId: target.id,
        logGroup: ctx.jobId,
        messageKey: 'conso.log.structureCopied',
        params: { source: source.code, target: target.code, conflicts: conflicts.length },
        userId: await userIdOfLogin(db, target.id, ctx.userId),
        screen: ctx.type,
      });
      return { source: source.code, target: target.code, rows, conflicts };
    },
  }),
});
