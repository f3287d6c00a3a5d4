import { defineJob, type ErrorInfo, errorInfoMessage, t } from '@hangar/core';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { ConsoLockedError } from '../errors/conso-locked-error.js';
import { ConsosFailedError } from '../errors/consos-failed-error.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { type ConsoRunSummary, runConso } from '../steps/run-conso.js';
import { STEP_FLAGS } from '../steps/step-flags.js';
import { customerParam, refParam } from './job-params.js';
import { failureEntries, throwIfCancelled } from './run-failure.js';

/** Parameters of {@link consolidationIntegrationJob}. */
export const integrationParams = z.object({
  /** Customer the conso codes belong to: the job's tenant (which it may only repeat), or any customer for a system job. */
  customer: customerParam,
  /** Consos to run, by id or code; they run in code order. */
  consos: z.array(refParam).min(1),
  /** Companies to run, by id or code; all of each conso's perimeter when absent. */
  companies: z.array(refParam).min(1).optional(),
  /** Step flags: LinkedCategories 1, Bundles 2, Adjustments 4, Elims 8, all 15. */
  steps: z.number().int().min(1).max(STEP_FLAGS.all).default(STEP_FLAGS.all),
  /** Keep the dimension axis of bundles. */
  executeDimensions: z.boolean().default(false),
  /** Debug logging; passed to stored procedures as @Debug. */
  debug: z.boolean().default(false),
});

/** Parameters of the integration job after defaults. */
export type IntegrationParams = z.output<typeof integrationParams>;

/** Result of the integration job: one summary per conso. */
export interface IntegrationResult {
  /** Consos in run order. */
  readonly consos: ConsoRunSummary[];
}

/** Job type name of {@link consolidationIntegrationJob}. */
export const INTEGRATION_JOB_TYPE = 'conso.integration';

/**
 * ConsolidationIntegrationJob: runs LinkedCategories → formulas → Bundles → Adjustments → Elims
 * for each conso, in code order, each conso in its own transaction and under its `conso:<id>`
 * lock. A locked conso is refused before anything touches it; a conso without companies is
 * skipped with a warning; a failing conso is rolled back, reported, and the others still run.
 */
export const consolidationIntegrationJob = defineJob<
  IntegrationParams,
  IntegrationResult,
  z.input<typeof integrationParams>
>({
  type: INTEGRATION_JOB_TYPE,
  description: t('conso.job.integration'),
  params: integrationParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `conso:${[...new Set(params.consos.map(String))].sort().join(',')}`,
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const options = consoJobsOptionsOf(services);
      const scope = await jobScope(consoDb.db, ctx, params.customer);
      const consos = await scope.consos(params.consos);
      // Every named company is checked against the tenant before any conso runs.
      if (params.companies !== undefined && scope.customer !== undefined)
        await scope.companies(params.companies);
      const summaries: ConsoRunSummary[] = [];
      const failed: string[] = [];
      const errorInfo: ErrorInfo = [];
      for (const [i, conso] of consos.entries()) {
        ctx.checkpoint();
        try {
          if (Number(conso.locked) === 1) {
            throw new ConsoLockedError(conso.code, conso.locked_by ?? '?', conso.locked_at ?? '?');
          }
          const lock = await ctx.lock(`conso:${conso.id}`, {
            waitMs: options.lockWaitMs,
            ttlMs: options.lockTtlMs,
          });
          try {
            summaries.push(
              await runConso({
                consoDb,
                conso,
                scope: await scope.forConso(conso),
                index: i + 1,
                count: consos.length,
                steps: params.steps,
                ...(params.companies === undefined ? {} : { companies: params.companies }),
                executeDimensions: params.executeDimensions,
                debug: params.debug,
                options,
                ctx,
              }),
            );
          } finally {
            await lock.release();
          }
        } catch (error) {
          throwIfCancelled(ctx, error);
          const entries = failureEntries(error, conso.code);
          for (const entry of entries) ctx.error(errorInfoMessage(entry));
          errorInfo.push(...entries);
          failed.push(conso.code);
        }
      }
      if (failed.length > 0) throw new ConsosFailedError(failed, consos.length, errorInfo);
      return { consos: summaries };
    },
  }),
});
