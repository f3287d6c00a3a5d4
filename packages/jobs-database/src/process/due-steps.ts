import { type ConsoDatabase, closedPeriods, logModification } from '@hangar/conso-db';
import { type JobContext, jobSubmitterToken, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';
import type { StatusRow } from './closing-board.js';

/** A step a closing run started. */
export interface StartedStep {
  readonly stage: 'consolidated';
  readonly jobType: string;
  readonly jobId: string;
}

/** What a run needs to start the due steps. */
export interface DueStepsRun {
  readonly processId: number;
  readonly conso: ConsoRecord;
  /** The conso's customer code, repeated in the step's params (the tenant's own, or a system job's customer). */
  readonly customerCode: string;
  readonly login: string;
  readonly now: string;
  readonly ctx: JobContext;
}

/**
 * Starts the consolidation once every company of the board is validated and not all are
 * consolidated: `conso.integration` of the conso, enqueued through the runner's `JobSubmitter`
 * under the job's own tenant and user, recorded in `closing_steps`. Never twice for a process and
 * stage: a recorded step is not started again, and the queue's idempotency key
 * (`closing:<process>:consolidated`) gives one job to two runs that race. A closed period or a
 * locked conso starts nothing (a warning says why).
 */
export async function startDueSteps(
  db: Kysely<ConsoDatabase>,
  run: DueStepsRun,
  board: readonly StatusRow[],
): Promise<StartedStep[]> {
  const due =
    board.length > 0 &&
    board.every((row) => row.validated_at !== null) &&
    board.some((row) => row.consolidated_at === null);
  if (!due) return [];
  const recorded = await db
    .selectFrom('closing_steps')
    .select('job_id')
    .where('process_id', '=', run.processId)
    .where('stage', '=', 'consolidated')
    .executeTakeFirst();
  if (recorded !== undefined) return [];
  const { ctx, conso } = run;
  const [closed] = await closedPeriods(db, [conso.period_id]);
  const fresh = await db
    .selectFrom('consos')
    .select(['locked', 'locked_by'])
    .where('id', '=', conso.id)
    .executeTakeFirst();
  if (closed !== undefined || Number(fresh?.locked ?? 0) === 1) {
    ctx.warn(
      t('conso.warning.processStepHeld', {
        conso: conso.code,
        by: closed?.closedBy ?? fresh?.locked_by ?? '?',
      }),
    );
    return [];
  }
  ctx.checkpoint();
  const job = await ctx.services.get(jobSubmitterToken).submit(
    ctx,
    INTEGRATION_JOB_TYPE,
    { customer: run.customerCode, consos: [conso.code] },
    {
      idempotencyKey: `closing:${run.processId}:consolidated`,
      metadata: { closingProcess: run.processId, stage: 'consolidated' },
      signal: ctx.signal,
    },
  );
  await db
    .insertInto('closing_steps')
    .values({
      process_id: run.processId,
      stage: 'consolidated',
      job_type: INTEGRATION_JOB_TYPE,
      job_id: job.id,
      started_at: run.now,
      started_by: run.login,
    })
    .execute();
  await logModification(db, {
    customerId: conso.customer_id,
    logGroup: ctx.jobId,
    messageKey: 'conso.log.processStepStarted',
    params: { conso: conso.code, stage: 'consolidated', job: job.id },
    consoId: conso.id,
    screen: ctx.type,
  });
  ctx.info(t('conso.progress.processStepStarted', { conso: conso.code, job: job.id }));
  return [{ stage: 'consolidated', jobType: INTEGRATION_JOB_TYPE, jobId: job.id }];
}
