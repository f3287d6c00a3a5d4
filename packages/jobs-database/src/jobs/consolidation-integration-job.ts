import { assertPeriodsOpen, type ConsoDatabase, closedPeriods, PeriodClosedError } from '@hangar/conso-db';
import { defineJob, type ErrorInfo, errorInfoMessage, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import type { ConsoRecord } from '../db/conso-record.js';
import { jobScope } from '../db/job-scope.js';
import { ConsoLockedError } from '../errors/conso-locked-error.js';
import { ConsosFailedError } from '../errors/consos-failed-error.js';
import { assertBlockingRulesPass } from '../steps/blocking-rules.js';
import { failureEntries } from '../steps/conso-failure.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { type ConsoRunRequest, type ConsoRunSummary, runConso } from '../steps/run-conso.js';
import { STEP_FLAGS } from '../steps/step-flags.js';
import { ConsoCheckpoint, type ConsoOutcomeRow } from './conso-outcomes.js';
import { customerParam, refParam } from './job-params.js';
import { throwIfCancelled } from './run-failure.js';

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
  /** Limit on each statement of a step in ms, for this run (else the plugin's `statementTimeoutMs`). */
  statementTimeoutMs: z.number().int().positive().optional(),
  /**
   * A locked conso: `skip-conso` fails that conso and runs the others; `fail-job` (the product's
   * behaviour) refuses the whole job before any conso runs.
   */
  onLocked: z.enum(['fail-job', 'skip-conso']).default('skip-conso'),
  /**
   * Evaluate the customer's blocking validation rules on each conso's bundles first and refuse a
   * conso that fails any (`CONSO_BLOCKING_RULES_FAILED`); the plugin's `blockOnFailedRules` when absent.
   */
  blockingRules: z.boolean().optional(),
  /** The screen the run was launched from, recorded in the modification log. */
  screen: z.string().min(1).max(100).optional(),
});

/** Parameters of the integration job after defaults. */
export type IntegrationParams = z.output<typeof integrationParams>;

/** Result of the integration job. */
export interface IntegrationResult {
  /** What each conso that ran did, in run order. */
  readonly consos: ConsoRunSummary[];
  /** What became of every requested conso, in run order. */
  readonly outcomes: ConsoOutcomeRow[];
}

/** Job type name of {@link consolidationIntegrationJob}. */
export const INTEGRATION_JOB_TYPE = 'conso.integration';

/**
 * ConsolidationIntegrationJob: runs LinkedCategories → formulas → Bundles → Adjustments → Elims
 * for each conso, in code order, each conso in its own transaction and under its `conso:<id>`
 * lock. A locked conso is refused before anything touches it (and, with `onLocked: 'fail-job'`,
 * the whole job); a conso without companies is skipped with a warning; a failing conso is rolled
 * back, reported, and the others still run. The outcome of every conso is in the result, or in
 * the ErrorInfo of a failed job.
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
      const checkpoint = new ConsoCheckpoint(consos.map((c) => c.code));
      const summaries: ConsoRunSummary[] = [];
      const errorInfo: ErrorInfo = [];
      const fail = (conso: string, error: unknown): void => {
        const entries = failureEntries(error, conso);
        for (const entry of entries) ctx.error(errorInfoMessage(entry));
        errorInfo.push(...entries);
        checkpoint.set(conso, 'failed', entries[0]?.code);
      };
      // The product refuses the whole job when a conso is locked: checked before any runs, and
      // again for a conso locked meanwhile (the rest are then not started).
      const failJob = params.onLocked === 'fail-job';
      let refused = false;
      if (failJob) {
        for (const conso of consos) {
          const refusal =
            (await closedPeriodError(consoDb.db, conso)) ??
            (isLocked(conso) ? lockedError(conso) : undefined);
          if (refusal) {
            fail(conso.code, refusal);
            refused = true;
          }
        }
      }
      for (const [i, conso] of consos.entries()) {
        if (refused) break;
        ctx.checkpoint();
        try {
          // A closed period locked its consos too: its own error says why, so it comes first.
          await assertPeriodsOpen(consoDb.db, [conso.period_id]);
          if (isLocked(conso)) throw lockedError(conso);
          const lock = await ctx.lock(`conso:${conso.id}`, {
            waitMs: options.lockWaitMs,
            ttlMs: options.lockTtlMs,
          });
          try {
            const consoScope = await scope.forConso(conso);
            if (params.blockingRules ?? options.blockOnFailedRules) {
              const only =
                params.companies === undefined ? undefined : await consoScope.companies(params.companies);
              await assertBlockingRulesPass(consoDb.db, conso, only);
            }
            const summary = await runConso({
              consoDb,
              conso,
              scope: consoScope,
              index: i + 1,
              count: consos.length,
              options,
              ctx,
              ...runSettings(params),
            });
            summaries.push(summary);
            checkpoint.set(conso.code, summary.skipped ? 'skipped' : 'done');
          } finally {
            await lock.release();
          }
        } catch (error) {
          throwIfCancelled(ctx, error);
          fail(conso.code, error);
          refused = failJob && error instanceof ConsoLockedError;
        }
      }
      const failed = checkpoint.failed();
      if (failed.length > 0) {
        throw new ConsosFailedError(failed, consos.length, [...errorInfo, ...checkpoint.outcomeEntries()]);
      }
      return { consos: summaries, outcomes: checkpoint.outcomes() };
    },
  }),
});

/** The settings of a conso's run that come from the job's params as given. */
function runSettings(
  params: IntegrationParams,
): Pick<
  ConsoRunRequest,
  'steps' | 'companies' | 'executeDimensions' | 'debug' | 'statementTimeoutMs' | 'screen'
> {
  return {
    steps: params.steps,
    executeDimensions: params.executeDimensions,
    debug: params.debug,
    ...(params.companies === undefined ? {} : { companies: params.companies }),
    ...(params.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: params.statementTimeoutMs }),
    ...(params.screen === undefined ? {} : { screen: params.screen }),
  };
}

/** The refusal of a conso whose period is closed, or undefined while it is open. */
async function closedPeriodError(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
): Promise<PeriodClosedError | undefined> {
  const [closed] = await closedPeriods(db, [conso.period_id]);
  return closed && new PeriodClosedError(closed.code, closed.closedBy, closed.closedAt);
}

function isLocked(conso: ConsoRecord): boolean {
  return Number(conso.locked) === 1;
}

function lockedError(conso: ConsoRecord): ConsoLockedError {
  return new ConsoLockedError(conso.code, conso.locked_by ?? '?', conso.locked_at ?? '?');
}
