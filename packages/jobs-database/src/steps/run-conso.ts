import { assertPeriodsOpen, type ConsoDb, logModification, type TenantScope } from '@hangar/conso-db';
import { errorInfoMessage, type JobContext, t } from '@hangar/core';
import { attachCanceller } from '../cancellation/sql-canceller.js';
import { assertConsoUnlocked } from '../db/conso-lock-check.js';
import type { ConsoRecord } from '../db/conso-record.js';
import { userIdOfLogin } from '../db/user-id.js';
import { StepTimeoutError } from '../errors/step-timeout-error.js';
import { StoredProcedureError } from '../errors/stored-procedure-error.js';
import { BEFORE_CONSOLIDATION_GROUP, loadFormulas } from '../formulas/formula-loader.js';
import { companyIdOf, loadConsoModel } from '../loading/conso-model.js';
import { runAdjustmentsStep } from './adjustments-step.js';
import { runBundlesStep } from './bundles-step.js';
import { failureEntries } from './conso-failure.js';
import type { ResolvedConsoJobsOptions } from './conso-jobs-options.js';
import { runElimsStep } from './elims-step.js';
import { runFormulasStep } from './formulas-step.js';
import { runLinkedCategoriesStep } from './linked-categories-step.js';
import { limitStatements } from './statement-timeout.js';
import { type ConsoStep, type RunItem, runPlanOf, stepMessageKey } from './step-flags.js';
import type { StepResult, StepRun } from './step-run.js';
import { callStoredProcedure } from './stored-procedure.js';

/** One conso of an integration run. */
export interface ConsoRunRequest {
  /** The database. */
  readonly consoDb: ConsoDb;
  /** The conso. */
  readonly conso: ConsoRecord;
  /** The job's tenant scope, confined to the conso's customer: companies resolve in it. */
  readonly scope: TenantScope;
  /** 1-based position in the run, for progress messages. */
  readonly index: number;
  /** Consos in the run. */
  readonly count: number;
  /** Step flags. */
  readonly steps: number;
  /** Companies to run, by id or code; all of the perimeter when absent. */
  readonly companies?: readonly (string | number)[];
  /** Keep dimensions. */
  readonly executeDimensions: boolean;
  /** Debug logging (and the procedures' @Debug). */
  readonly debug: boolean;
  /** Plugin options (stored procedures, batch size, statement limit). */
  readonly options: ResolvedConsoJobsOptions;
  /** Statement limit of this run in ms, overriding the plugin's `statementTimeoutMs`. */
  readonly statementTimeoutMs?: number;
  /** The screen the run was launched from, recorded in the modification log. */
  readonly screen?: string;
  /** The job's context. */
  readonly ctx: JobContext;
}

/** What one conso's run did. */
export interface ConsoRunSummary {
  /** Conso code. */
  readonly conso: string;
  /** Conso id. */
  readonly consoId: number;
  /** True when the conso was skipped (no companies). */
  readonly skipped: boolean;
  /** Companies run. */
  readonly companies: number;
  /** Rows deleted and written per step that ran, the formulas included. */
  readonly steps: Partial<Record<RunItem, StepResult>>;
}

/**
 * Runs the selected steps of one conso in one transaction, in the fixed order LinkedCategories →
 * formulas (`before_consolidation`, on every run: see {@link runPlanOf}) → Bundles → Adjustments →
 * Elims, each step's statements bounded by the statement limit. Any error rolls the whole conso
 * back and is logged in the modification log; a cancellation also cancels the statement the
 * database is running.
 */
export async function runConso(request: ConsoRunRequest): Promise<ConsoRunSummary> {
  const { consoDb, conso, ctx } = request;
  const db = consoDb.db;
  const model = await loadConsoModel(db, conso);
  const selectedIds =
    request.companies === undefined ? undefined : await request.scope.companies(request.companies);
  const selected =
    selectedIds === undefined
      ? model.companies
      : model.companies.filter((c) => selectedIds.includes(companyIdOf(model, c.code)));
  const summary = { conso: conso.code, consoId: conso.id, companies: selected.length };
  const userId = await userIdOfLogin(db, conso.customer_id, ctx.userId);
  const log = (messageKey: string, extra: Record<string, string> = {}) =>
    logModification(db, {
      customerId: conso.customer_id,
      logGroup: ctx.jobId,
      messageKey,
      params: { conso: conso.code, steps: request.steps, companies: selected.length, ...extra },
      consoId: conso.id,
      userId,
      screen: request.screen ?? null,
    });
  if (model.emptyScope || selected.length === 0) {
    ctx.warn(t('conso.warning.emptyScope', { conso: conso.code }));
    await log('conso.log.integrationSkipped');
    return { ...summary, skipped: true, steps: {} };
  }
  const plan = runPlanOf(request.steps);
  const procedures = request.options.storedProcedures ?? {};
  // Parsed before anything is written, so a bad formula fails the conso at once.
  const formulas = await loadFormulas(db, conso.customer_id, BEFORE_CONSOLIDATION_GROUP, model.accounts);
  const limitMs = request.statementTimeoutMs ?? request.options.statementTimeoutMs;
  await log('conso.log.integrationStarted');

  const results: Partial<Record<RunItem, StepResult>> = {};
  try {
    await db.transaction().execute(async (trx) => {
      const canceller = await attachCanceller(consoDb, trx);
      const onAbort = (): void => void canceller.cancel();
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        // Fresh reads in the writing transaction: a period closed or a conso locked meanwhile.
        await assertPeriodsOpen(trx, [conso.period_id]);
        await assertConsoUnlocked(trx, conso);
        const run: StepRun = {
          trx,
          model,
          selected,
          selectedIds,
          selectedIdList: selected.map((c) => companyIdOf(model, c.code)),
          options: {
            executeDimensions: request.executeDimensions,
            debug: request.debug,
            companyBatchSize: request.options.companyBatchSize,
          },
          checkpoint: () => ctx.checkpoint(),
          warn: (message) => ctx.warn(message),
          log: ctx.log,
        };
        for (const item of plan) {
          ctx.checkpoint();
          ctx.progress(
            t('conso.progress.step', {
              index: request.index,
              count: request.count,
              code: conso.code,
              step: stepMessageKey(item),
            }),
            { current: request.index, total: request.count },
          );
          const limit = await limitStatements(trx, canceller, limitMs);
          try {
            if (item === 'formulas') results[item] = await runFormulasStep(run, formulas);
            else {
              const procedure = procedures[item];
              results[item] =
                procedure === undefined
                  ? await runBuiltIn(item, run)
                  : await runProcedure(procedure, run, request, userId);
            }
          } catch (error) {
            if (!ctx.signal.aborted && limitMs !== undefined && limit.fired(error)) {
              throw new StepTimeoutError(stepMessageKey(item), conso.code, limitMs, error);
            }
            throw error;
          } finally {
            limit.end();
          }
        }
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
      }
    });
  } catch (error) {
    // Outside the rolled-back transaction, so the log keeps what became of the conso.
    const code = failureEntries(error, conso.code)[0]?.code ?? 'UNEXPECTED';
    await log('conso.log.integrationFailed', { code }).catch((logError: unknown) =>
      ctx.log.warn({ err: logError }, 'modification log not written'),
    );
    throw error;
  }
  await log('conso.log.integrationFinished');
  return { ...summary, skipped: false, steps: results };
}

function runBuiltIn(step: ConsoStep, run: StepRun): Promise<StepResult> {
  switch (step) {
    case 'linkedCategories':
      return runLinkedCategoriesStep(run);
    case 'bundles':
      return runBundlesStep(run);
    case 'adjustments':
      return runAdjustmentsStep(run);
    case 'elims':
      return runElimsStep(run);
  }
}

async function runProcedure(
  name: string,
  run: StepRun,
  request: ConsoRunRequest,
  userId: number | null,
): Promise<StepResult> {
  const info = await callStoredProcedure(run.trx, name, {
    userId,
    consoId: request.conso.id,
    companyIds: request.companies === undefined ? '' : run.selectedIdList.join(','),
    executeDimensions: request.executeDimensions,
    debug: request.debug,
  });
  for (const entry of info) if (entry.severity !== 'error') run.warn(errorInfoMessage(entry));
  const errors = info.filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new StoredProcedureError(name, request.conso.code, errors);
  return { deleted: 0, written: 0 };
}
