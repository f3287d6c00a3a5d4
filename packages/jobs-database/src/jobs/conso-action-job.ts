import {
  assertPeriodsOpen,
  type ConsoDatabase,
  lockConso,
  logModification,
  unlockConso,
} from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { assertConsoUnlocked } from '../db/conso-lock-check.js';
import type { ConsoRecord } from '../db/conso-record.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { ConsoLockedError } from '../errors/conso-locked-error.js';
import { NotLockHolderError } from '../errors/not-lock-holder-error.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { type ConsoRunSummary, runConso } from '../steps/run-conso.js';
import { STEP_FLAGS } from '../steps/step-flags.js';
import { customerParam, refParam } from './job-params.js';
import { throwIfCancelled } from './run-failure.js';

const common = { customer: customerParam, conso: refParam };

/** Parameters of {@link consoActionJob}: one action on one conso. */
export const consoActionParams = z.discriminatedUnion('action', [
  /** Lock the conso for the job's user (or `login`); records the login and the time. */
  z.object({ ...common, action: z.literal('lock'), login: z.string().min(1).optional() }),
  /** Unlock it; only the holder's lock unless `force`. */
  z.object({
    ...common,
    action: z.literal('unlock'),
    login: z.string().min(1).optional(),
    force: z.boolean().default(false),
  }),
  /** Run one step again for some companies (all when absent). */
  z.object({
    ...common,
    action: z.literal('recompute'),
    step: z.enum(['linkedCategories', 'bundles', 'adjustments', 'elims']),
    companies: z.array(refParam).min(1).optional(),
  }),
  /** Delete the consolidated data (of some companies, all when absent). */
  z.object({ ...common, action: z.literal('clear'), companies: z.array(refParam).min(1).optional() }),
]);

/** Parameters after defaults. */
export type ConsoActionParams = z.output<typeof consoActionParams>;

/** Result of an action. */
export interface ConsoActionResult {
  /** The action done. */
  readonly action: ConsoActionParams['action'];
  /** Conso code. */
  readonly conso: string;
  /** Rows deleted by `clear`. */
  readonly rows?: number;
  /** Summary of a recomputed step. */
  readonly run?: ConsoRunSummary;
}

/** Job type name of {@link consoActionJob}. */
export const CONSO_ACTION_JOB_TYPE = 'conso.action';

/** Conso actions: lock, unlock, recompute one step for some companies, clear consolidated data. */
export const consoActionJob = defineJob<
  ConsoActionParams,
  ConsoActionResult,
  z.input<typeof consoActionParams>
>({
  type: CONSO_ACTION_JOB_TYPE,
  description: t('conso.job.action'),
  params: consoActionParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `conso:${String(params.conso)}`,
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const options = consoJobsOptionsOf(services);
      const jobWide = await jobScope(db, ctx, params.customer);
      const conso = await jobWide.conso(params.conso);
      const scope = await jobWide.forConso(conso);
      // Companies are checked against the tenant before the action changes anything.
      if ('companies' in params && params.companies !== undefined) await scope.companies(params.companies);
      const login = ('login' in params ? params.login : undefined) ?? ctx.userId ?? 'system';
      const log = async (messageKey: string, extra: Record<string, string | number> = {}) =>
        logModification(db, {
          customerId: conso.customer_id,
          logGroup: ctx.jobId,
          messageKey,
          params: { conso: conso.code, login, ...extra },
          consoId: conso.id,
          userId: await userIdOfLogin(db, conso.customer_id, ctx.userId),
          screen: ctx.type,
        });
      switch (params.action) {
        case 'lock': {
          if (!(await lockConso(db, { consoId: conso.id, login }))) await assertConsoUnlocked(db, conso);
          await log('conso.log.locked');
          ctx.progress(t('conso.progress.locked', { conso: conso.code, login }));
          return { action: 'lock', conso: conso.code };
        }
        case 'unlock': {
          const released = await unlockConso(db, conso.id, params.force ? undefined : login);
          if (!released) await explainUnlock(db, conso, login, ctx);
          else await log('conso.log.unlocked');
          ctx.progress(t('conso.progress.unlocked', { conso: conso.code }));
          return { action: 'unlock', conso: conso.code };
        }
        case 'recompute': {
          await assertPeriodsOpen(db, [conso.period_id]);
          const lock = await ctx.lock(`conso:${conso.id}`, {
            waitMs: options.lockWaitMs,
            ttlMs: options.lockTtlMs,
          });
          try {
            const run = await runConso({
              consoDb,
              conso: await freshConso(db, conso),
              scope,
              index: 1,
              count: 1,
              steps: STEP_FLAGS[params.step],
              ...(params.companies === undefined ? {} : { companies: params.companies }),
              executeDimensions: false,
              debug: false,
              options,
              ctx,
            });
            return { action: 'recompute', conso: conso.code, run };
          } catch (error) {
            throwIfCancelled(ctx, error);
            throw error;
          } finally {
            await lock.release();
          }
        }
        case 'clear': {
          await assertPeriodsOpen(db, [conso.period_id]);
          const lock = await ctx.lock(`conso:${conso.id}`, {
            waitMs: options.lockWaitMs,
            ttlMs: options.lockTtlMs,
          });
          try {
            const rows = await db.transaction().execute(async (trx) => {
              await assertPeriodsOpen(trx, [conso.period_id]);
              await assertConsoUnlocked(trx, conso);
              let query = trx.deleteFrom('consolidated_data').where('conso_id', '=', conso.id);
              if (params.companies !== undefined) {
                query = query.where('company_id', 'in', await scope.withDb(trx).companies(params.companies));
              }
              return Number((await query.executeTakeFirst()).numDeletedRows);
            });
            await log('conso.log.cleared', { rows });
            ctx.progress(t('conso.progress.cleared', { conso: conso.code, rows }));
            return { action: 'clear', conso: conso.code, rows };
          } finally {
            await lock.release();
          }
        }
      }
    },
  }),
});

async function freshConso(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<ConsoRecord> {
  const row = await readConso(db, conso);
  if (Number(row.locked) === 1)
    throw new ConsoLockedError(row.code, row.locked_by ?? '?', row.locked_at ?? '?');
  return row;
}

async function explainUnlock(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  login: string,
  ctx: { warn(message: ReturnType<typeof t>): void },
): Promise<void> {
  const row = await readConso(db, conso);
  if (Number(row.locked) === 1) throw new NotLockHolderError(row.code, row.locked_by ?? '?', login);
  ctx.warn(t('conso.warning.notLocked', { conso: conso.code }));
}

/** A fresh read of a conso the job already resolved in its scope. */
async function readConso(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<ConsoRecord> {
  return db
    .selectFrom('consos')
    .selectAll()
    .where('id', '=', conso.id)
    .where('customer_id', '=', conso.customer_id)
    .executeTakeFirstOrThrow();
}
