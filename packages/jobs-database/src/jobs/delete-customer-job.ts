import { logModification, TenantScope } from '@hangar/conso-db';
import { assertSystemJob, defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { markCustomerDeleting } from '../deletion/deletion-marks.js';
import { customerDeletionPlan } from '../deletion/deletion-plan.js';
import { deletionProgress, warnResumed } from '../deletion/deletion-progress.js';
import { runDeletion } from '../deletion/run-deletion.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { deletionBatchParam, refParam } from './job-params.js';

/** Parameters of {@link deleteCustomerJob}. */
export const deleteCustomerParams = z.object({
  /** The customer, by code or id. */
  customer: refParam,
  /** Rows deleted per transaction. */
  batchSize: deletionBatchParam,
});

/** Parameters after defaults. */
export type DeleteCustomerParams = z.output<typeof deleteCustomerParams>;

/** Result of a customer deletion. */
export interface DeleteCustomerResult {
  /** Code of the deleted customer. */
  readonly customer: string;
  /** Rows removed per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** True when the run finished a deletion an earlier run had started. */
  readonly resumed: boolean;
}

/** Job type name of {@link deleteCustomerJob}. */
export const DELETE_CUSTOMER_JOB_TYPE = 'conso.delete-customer';

/**
 * DeleteCustomer: removes a customer and every row it owns, in short batches. A system job only:
 * it removes a tenant, which no tenant may do. The customer and its consos are marked first, so
 * none of its jobs runs on half-deleted data, and a rerun after a crash resumes.
 */
export const deleteCustomerJob = defineJob<
  DeleteCustomerParams,
  DeleteCustomerResult,
  z.input<typeof deleteCustomerParams>
>({
  type: DELETE_CUSTOMER_JOB_TYPE,
  description: t('conso.job.deleteCustomer'),
  params: deleteCustomerParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `customer:${String(params.customer)}`,
  create: (services) => ({
    async execute(params, ctx) {
      assertSystemJob(ctx);
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const options = consoJobsOptionsOf(services);
      const scope = await TenantScope.open(db, {
        tenant: undefined,
        customer: params.customer,
        allowDeleting: true,
      });
      const customer = scope.requireCustomer();
      const before = await db
        .selectFrom('customers')
        .select('deleting_at')
        .where('id', '=', customer.id)
        .executeTakeFirstOrThrow();
      const since = await markCustomerDeleting(db, customer.id);
      const resumed = before.deleting_at !== null;
      if (resumed) warnResumed(ctx, customer.code, since);
      // Runs that started before the mark still hold their conso's lock: wait for each to end.
      // New ones are refused by the tenant scope from now on.
      const consos = await db
        .selectFrom('consos')
        .select('id')
        .where('customer_id', '=', customer.id)
        .execute();
      for (const { id } of consos) {
        const lock = await ctx.lock(`conso:${id}`, { waitMs: options.lockWaitMs, ttlMs: options.lockTtlMs });
        await lock.release();
      }
      // The entry goes with the customer's log at the end; it tells anyone who looks meanwhile
      // (or after a crash) that the customer is being removed, and by which job.
      await logModification(db, {
        customerId: customer.id,
        logGroup: ctx.jobId,
        messageKey: 'conso.log.customerDeletionStarted',
        params: { customer: customer.code, resumed },
        screen: ctx.type,
      });
      const rows = await runDeletion({
        consoDb,
        steps: customerDeletionPlan(customer.id),
        batchSize: params.batchSize,
        ctx,
        afterBatch: deletionProgress(ctx, customer.code),
      });
      return { customer: customer.code, rows, resumed };
    },
  }),
});
