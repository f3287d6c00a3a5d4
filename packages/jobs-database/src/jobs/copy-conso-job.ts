import { type ConsoDatabase, logModification, type ScopedConso } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inCancellableTransaction } from '../cancellation/cancellable-transaction.js';
import { consoCopyPlan } from '../copying/conso-copy-plan.js';
import { bundleConflicts, type PeriodShift, reportedDataPlan } from '../copying/reported-data-copy.js';
import { runCopyPlan } from '../copying/run-copy-plan.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { ConsoCodeTakenError } from '../errors/conso-code-taken-error.js';
import { CopyConflictError } from '../errors/copy-conflict-error.js';
import { customerParam, refParam } from './job-params.js';

/** Parameters of {@link copyConsoJob}. */
export const copyConsoParams = z.object({
  /** The conso copied, by id or code. */
  conso: refParam,
  /** Customer of the codes (only a system job may name one other than its tenant). */
  customer: customerParam,
  /** Code of the new conso; the customer must not have it yet. */
  code: z.string().min(1).max(50),
  /** Name of the new conso; the source's by default. */
  name: z.string().min(1).max(200).optional(),
  /** Period of the new conso (code `YYYYMM` or id); the source's by default. */
  period: refParam.optional(),
  /** Category of the new conso (code or id); the source's by default. */
  category: refParam.optional(),
});

/** Parameters after defaults. */
export type CopyConsoParams = z.output<typeof copyConsoParams>;

/** Result of a conso copy. */
export interface CopyConsoResult {
  /** Code of the source. */
  readonly source: string;
  /** Code and id of the new conso. */
  readonly target: string;
  readonly consoId: number;
  /** Rows inserted per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Job type name of {@link copyConsoJob}. */
export const COPY_CONSO_JOB_TYPE = 'conso.copy';

/**
 * CopyConso: copies a conso — settings, ownership, historical rates, adjustments and, in the same
 * period and category, its consolidated data — to a new code, period or category, in one
 * transaction of set-based `INSERT … SELECT` statements.
 */
export const copyConsoJob = defineJob<CopyConsoParams, CopyConsoResult, z.input<typeof copyConsoParams>>({
  type: COPY_CONSO_JOB_TYPE,
  description: t('conso.job.copyConso'),
  params: copyConsoParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const jobWide = await jobScope(db, ctx, params.customer);
      const source = await jobWide.conso(params.conso);
      const scope = await jobWide.forConso(source);
      const periodId = params.period === undefined ? source.period_id : await scope.period(params.period);
      const categoryId =
        params.category === undefined ? source.category_id : await scope.category(params.category);
      const shift: PeriodShift = {
        sourceConsoId: source.id,
        parentCompanyId: source.parent_company_id,
        from: { periodId: source.period_id, categoryId: source.category_id },
        to: { periodId, categoryId },
      };
      const moved = periodId !== source.period_id || categoryId !== source.category_id;
      // Everything is checked before the transaction: a refused copy writes nothing.
      await assertCodeFree(db, source.customer_id, params.code);
      if (moved) {
        const conflicts = await bundleConflicts(db, shift);
        if (conflicts.length > 0)
          throw new CopyConflictError(
            params.period === undefined ? 'category' : 'period',
            'bundles',
            conflicts,
          );
      }
      const copied = await inCancellableTransaction(consoDb, ctx, async (trx) => {
        const targetId = await insertConsoRow(trx, source, params, periodId, categoryId);
        const plan = [
          ...(moved ? reportedDataPlan(shift) : []),
          ...consoCopyPlan({ sourceId: source.id, targetId, samePeriodAndCategory: !moved }),
        ];
        const rows = await runCopyPlan(trx, plan, ctx, { source: source.code, target: params.code });
        return { targetId, rows };
      });
      await logModification(db, {
        customerId: source.customer_id,
        logGroup: ctx.jobId,
        messageKey: 'conso.log.consoCopied',
        params: { source: source.code, target: params.code },
        consoId: copied.targetId,
        userId: await userIdOfLogin(db, source.customer_id, ctx.userId),
        screen: ctx.type,
      });
      return { source: source.code, target: params.code, consoId: copied.targetId, rows: copied.rows };
    },
  }),
});

async function assertCodeFree(db: Kysely<ConsoDatabase>, customerId: number, code: string): Promise<void> {
  const taken = await db
    .selectFrom('consos')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (taken !== undefined) throw new ConsoCodeTakenError('code', code);
}

/** Inserts the new conso's row (unlocked) and returns its id, read back by code on every dialect. */
async function insertConsoRow(
  trx: Kysely<ConsoDatabase>,
  source: ScopedConso,
  params: CopyConsoParams,
  periodId: number,
  categoryId: number,
): Promise<number> {
  await trx
    .insertInto('consos')
    .values({
      customer_id: source.customer_id,
      code: params.code,
      name: params.name ?? source.name,
      period_id: periodId,
      category_id: categoryId,
      group_currency: source.group_currency,
      parent_company_id: source.parent_company_id,
      no_proportional: source.no_proportional,
      options: source.options,
      created_at: new Date().toISOString(),
    })
    .execute();
  const row = await trx
    .selectFrom('consos')
    .select('id')
    .where('customer_id', '=', source.customer_id)
    .where('code', '=', params.code)
    .executeTakeFirstOrThrow();
  return row.id;
}
