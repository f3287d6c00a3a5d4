import { consoDbToken, TenantScope } from '@hangar/conso-db';
import { assertSystemJob, ConfigurationError, defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { PeriodBusyError } from '../errors/period-busy-error.js';
import { findBusyJob } from '../period/busy-period-jobs.js';
import {
  type ClosingOutcome,
  type ClosingTarget,
  closePeriod,
  reopenPeriod,
} from '../period/period-closing.js';
import { queueAdapterToken } from '../queue/queue-token.js';

export const CLOSE_PERIOD_JOB_TYPE = 'utils.close-period';

/** Parameters of {@link closePeriodJob}. */
export const closePeriodParams = z.object({
  /** The customer, by code; a customer's job may only repeat its own, a system job must name one. */
  customer: z.string().min(1).optional(),
  /** The period, by code (`YYYYMM`) or id. */
  period: z.union([z.string().min(1), z.number().int().positive()]),
  /** `close` (default) or `reopen`, which system jobs only may do. */
  action: z.enum(['close', 'reopen']).default('close'),
});
type Params = z.output<typeof closePeriodParams>;

/** What a closing or reopening returns. */
export interface ClosePeriodResult extends ClosingOutcome {
  readonly action: 'close' | 'reopen';
  readonly period: string;
}

/**
 * Closes a customer's period: refuses while a consolidation or import into it is queued or
 * running (naming the conso and the job), locks every conso of the period, marks the period
 * closed and writes the modification log, in one transaction. Reopening (`action: 'reopen'`)
 * is for system jobs (admins) only: it clears the mark and unlocks the consos the closing locked.
 */
export const closePeriodJob = defineJob<Params, ClosePeriodResult, z.input<typeof closePeriodParams>>({
  type: CLOSE_PERIOD_JOB_TYPE,
  description: t('utils.job.closePeriod'),
  params: closePeriodParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `${CLOSE_PERIOD_JOB_TYPE}:${params.customer ?? ''}:${params.period}`,
  create: (services) => ({
    async execute(params, ctx) {
      if (params.action === 'reopen')
        assertSystemJob(ctx, { what: `${CLOSE_PERIOD_JOB_TYPE} (action: reopen)` });
      if (!services.has(queueAdapterToken))
        throw new ConfigurationError(
          'services',
          `${CLOSE_PERIOD_JOB_TYPE} needs the queue (queueAdapterToken)`,
        );
      const { db } = services.get(consoDbToken);
      const scope = await TenantScope.open(db, { tenant: ctx.customerId, customer: params.customer });
      const customer = scope.requireCustomer();
      const periodId = await scope.period(params.period);
      const period = await db
        .selectFrom('periods')
        .select('code')
        .where('id', '=', periodId)
        .executeTakeFirstOrThrow();
      const consos = await db
        .selectFrom('consos')
        .select(['id', 'code', 'locked', 'locked_by'])
        .where('period_id', '=', periodId)
        .where('customer_id', '=', customer.id)
        .orderBy('code')
        .execute();
      const target: ClosingTarget = { customerId: customer.id, periodId, periodCode: period.code, consos };
      const login = ctx.userId ?? 'system';
      const total = consos.length;
      ctx.progress(
        t('utils.progress.closePeriod', { period: period.code, action: params.action, done: 0, total }),
        {
          current: 0,
          total,
        },
      );
      if (params.action === 'close') {
        const refs = { customerCode: customer.code, periodId, periodCode: period.code, consos };
        const busy = await findBusyJob(services.get(queueAdapterToken), refs, () => ctx.checkpoint());
        if (busy) throw new PeriodBusyError(period.code, busy.target, busy.job.id, busy.job.type);
      }
      const outcome = await db.transaction().execute((trx) =>
        params.action === 'close'
          ? closePeriod(trx, target, login, ctx, (done) =>
              ctx.progress(
                t('utils.progress.closePeriod', { period: period.code, action: 'close', done, total }),
                {
                  current: done,
                  total,
                },
              ),
            )
          : reopenPeriod(trx, target, login, ctx),
      );
      ctx.progress(
        t('utils.progress.closePeriodDone', {
          period: period.code,
          action: params.action,
          consos: outcome.consos.length,
        }),
        { current: total, total },
      );
      return { action: params.action, period: period.code, ...outcome };
    },
  }),
});
