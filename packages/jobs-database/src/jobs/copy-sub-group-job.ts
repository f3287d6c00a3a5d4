import { logModification } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { inCancellableTransaction } from '../cancellation/cancellable-transaction.js';
import { consoCopyPlan } from '../copying/conso-copy-plan.js';
import { bundleConflicts, type PeriodShift, reportedDataPlan } from '../copying/reported-data-copy.js';
import { runCopyPlan } from '../copying/run-copy-plan.js';
import { subGroupConflicts, subGroupOf } from '../copying/sub-group.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { assertConsoUnlocked } from '../db/conso-lock-check.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { CopyConflictError } from '../errors/copy-conflict-error.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { customerParam, refParam } from './job-params.js';

/** Parameters of {@link copySubGroupJob}. */
export const copySubGroupParams = z.object({
  /** The conso copied from. */
  conso: refParam,
  /** The company at the top of the sub-group. */
  company: refParam,
  /** The conso copied into (same customer). */
  targetConso: refParam,
  /** Customer of the codes (only a system job may name one other than its tenant). */
  customer: customerParam,
});

/** Parameters after defaults. */
export type CopySubGroupParams = z.output<typeof copySubGroupParams>;

/** Result of a sub-group copy. */
export interface CopySubGroupResult {
  readonly source: string;
  readonly target: string;
  /** Codes of the companies copied. */
  readonly companies: readonly string[];
  /** Rows inserted per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Job type name of {@link copySubGroupJob}. */
export const COPY_SUB_GROUP_JOB_TYPE = 'conso.copy-sub-group';

/**
 * CopySubGroup: copies a company and every company it holds — their holdings, share registers,
 * ownership, investments, historical rates, adjustments and (into another period or category)
 * bundles — from one conso into another of the customer, in one transaction.
 */
export const copySubGroupJob = defineJob<
  CopySubGroupParams,
  CopySubGroupResult,
  z.input<typeof copySubGroupParams>
>({
  type: COPY_SUB_GROUP_JOB_TYPE,
  description: t('conso.job.copySubGroup'),
  params: copySubGroupParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const options = consoJobsOptionsOf(services);
      const jobWide = await jobScope(db, ctx, params.customer);
      const source = await jobWide.conso(params.conso);
      const scope = await jobWide.forConso(source);
      // Resolved in the source's customer: a conso of another customer is TENANT_MISMATCH.
      const target = await scope.conso(params.targetConso, 'targetConso');
      // Copying a conso into itself is caught below: all its companies are already there.
      const root = await scope.company(params.company);
      const lock = await ctx.lock(`conso:${target.id}`, {
        waitMs: options.lockWaitMs,
        ttlMs: options.lockTtlMs,
      });
      try {
        await assertConsoUnlocked(db, target);
        const companies = await subGroupOf(db, source.id, root);
        const taken = await subGroupConflicts(db, target.id, companies);
        if (taken.length > 0) throw new CopyConflictError('targetConso', 'companies', taken);
        const shift: PeriodShift = {
          sourceConsoId: source.id,
          parentCompanyId: root,
          from: { periodId: source.period_id, categoryId: source.category_id },
          to: { periodId: target.period_id, categoryId: target.category_id },
          companies,
        };
        const moved = target.period_id !== source.period_id || target.category_id !== source.category_id;
        if (moved) {
          const conflicts = await bundleConflicts(db, shift);
          if (conflicts.length > 0) throw new CopyConflictError('targetConso', 'bundles', conflicts);
        }
        const plan = [
          ...(moved ? reportedDataPlan(shift) : []),
          // Consolidated data is the source conso's result: the target computes its own.
          ...consoCopyPlan({
            sourceId: source.id,
            targetId: target.id,
            samePeriodAndCategory: false,
            companies,
          }),
        ];
        const rows = await inCancellableTransaction(consoDb, ctx, (trx) =>
          runCopyPlan(trx, plan, ctx, { source: source.code, target: target.code }),
        );
        const codes = (
          await db
            .selectFrom('companies')
            .select('code')
            .where('id', 'in', companies)
            .orderBy('code')
            .execute()
        ).map((row) => row.code);
        await logModification(db, {
          customerId: target.customer_id,
          logGroup: ctx.jobId,
          messageKey: 'conso.log.subGroupCopied',
          params: { source: source.code, target: target.code, companies: codes.join(', ') },
          consoId: target.id,
          userId: await userIdOfLogin(db, target.customer_id, ctx.userId),
          screen: ctx.type,
        });
        return { source: source.code, target: target.code, companies: codes, rows };
      } finally {
        await lock.release();
      }
    },
  }),
});
