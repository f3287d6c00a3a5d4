import { type ClosingStage, logModification } from '@hangar/conso-db';
import { ConfigurationError, defineJob, jobSubmitterToken, t } from '@hangar/core';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { type BoardChange, updateClosingBoard } from '../process/closing-board.js';
import { readClosingFacts } from '../process/closing-facts.js';
import { type StartedStep, startDueSteps } from '../process/due-steps.js';
import { type Reminder, remindLateCompanies } from '../process/late-reminders.js';
import { customerParam, refParam } from './job-params.js';

/** Job type name of {@link processManagementJob}. */
export const PROCESS_MANAGEMENT_JOB_TYPE = 'conso.process-management';

const isoDate = z.iso.date();

/** Parameters of {@link processManagementJob}. */
export const processManagementParams = z.object({
  /** Customer of the conso: the job's tenant (which it may only repeat), or any customer for a system job. */
  customer: customerParam,
  /** The conso whose closing is run (it gives the period and category), by id or code. */
  conso: refParam,
  /** Deadlines per stage (ISO dates) to store on the process; null clears one, absent keeps it. */
  deadlines: z
    .strictObject({
      submitted: isoDate.nullable().optional(),
      validated: isoDate.nullable().optional(),
      consolidated: isoDate.nullable().optional(),
    })
    .refine(
      (d) => {
        const dates = [d.submitted, d.validated, d.consolidated].filter(
          (x): x is string => typeof x === 'string',
        );
        return dates.every((date, i) => i === 0 || (dates[i - 1] as string) <= date);
      },
      { message: 'deadlines must follow the stages: submitted ≤ validated ≤ consolidated' },
    )
    .optional(),
  /** Start the steps that became due (the consolidation once every company is validated). */
  startSteps: z.boolean().default(true),
});

/** Parameters after defaults. */
export type ProcessManagementParams = z.output<typeof processManagementParams>;

/** One company of the board after the run. */
export interface ProcessCompanyStatus {
  readonly company: string;
  readonly submitted: boolean;
  readonly validated: boolean;
  readonly consolidated: boolean;
}

/** What a run of the closing process did. */
export interface ProcessManagementResult {
  readonly conso: string;
  readonly period: string;
  readonly companies: ProcessCompanyStatus[];
  /** Stages reached or lost this run. */
  readonly changes: BoardChange[];
  /** Steps started this run. */
  readonly started: StartedStep[];
  /** Reminders recorded this run. */
  readonly reminders: Reminder[];
}

const PHASES = 4;

/**
 * ProcessManagementJob: runs the closing of a conso's period for its customer. Reads the facts
 * (bundle data submitted, validation rules and balance passed, consolidation run after the last
 * change), brings the per-company status board in line with them, starts the consolidation through
 * the runner's `JobSubmitter` once every company is validated (once per process), and reminds the
 * companies late for a stage (a warning and a modification-log entry, once per company, stage and
 * day). Everything is resolved inside the job's tenant; the steps it starts run under that tenant.
 *
 * @example
 * ```ts
 * await client.enqueue('conso.process-management', {
 *   conso: '202312ACT001',
 *   deadlines: { submitted: '2024-01-10', validated: '2024-01-15', consolidated: '2024-01-20' },
 * }, { customerId: 'ACME' });
 * ```
 */
export const processManagementJob = defineJob<
  ProcessManagementParams,
  ProcessManagementResult,
  z.input<typeof processManagementParams>
>({
  type: PROCESS_MANAGEMENT_JOB_TYPE,
  description: t('conso.job.processManagement'),
  params: processManagementParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) =>
    `${PROCESS_MANAGEMENT_JOB_TYPE}:${String(params.customer ?? '')}:${String(params.conso)}`,
  create: (services) => ({
    async execute(params, ctx) {
      if (params.startSteps && !ctx.services.has(jobSubmitterToken))
        throw new ConfigurationError(
          'services',
          `${PROCESS_MANAGEMENT_JOB_TYPE} needs the runner's JobSubmitter`,
        );
      const { db } = consoDbOf(services);
      const scope = await jobScope(db, ctx, params.customer);
      const conso = await scope.conso(params.conso);
      const customer = (await scope.forConso(conso)).requireCustomer();
      const progress = (phase: number) =>
        ctx.progress(
          t('conso.progress.process', { conso: conso.code, phase: `conso.process.phase.${phase}` }),
          { current: phase, total: PHASES },
        );
      const d = params.deadlines;
      const process = await scope.closingProcess(conso, {
        ...(d?.submitted === undefined ? {} : { submitted_deadline: d.submitted }),
        ...(d?.validated === undefined ? {} : { validated_deadline: d.validated }),
        ...(d?.consolidated === undefined ? {} : { consolidated_deadline: d.consolidated }),
      });
      const facts = await readClosingFacts(db, conso);
      progress(1);
      ctx.checkpoint();
      const login = ctx.userId ?? 'system';
      const now = new Date().toISOString();
      const board = await db.transaction().execute(async (trx) => {
        const updated = await updateClosingBoard(trx, { processId: process.id, login, now }, facts);
        for (const change of updated.changes) {
          await logModification(trx, {
            customerId: customer.id,
            logGroup: ctx.jobId,
            messageKey: change.change === 'advanced' ? 'conso.log.processAdvanced' : 'conso.log.processReset',
            params: {
              conso: conso.code,
              company: change.company,
              stage: `conso.process.stage.${change.stage}`,
            },
            consoId: conso.id,
            screen: ctx.type,
          });
        }
        return updated;
      });
      progress(2);
      ctx.checkpoint();
      const started = params.startSteps
        ? await startDueSteps(
            db,
            { processId: process.id, conso, customerCode: customer.code, login, now, ctx },
            board.rows,
          )
        : [];
      progress(3);
      ctx.checkpoint();
      const reminders = await db
        .transaction()
        .execute((trx) => remindLateCompanies(trx, ctx, process, conso, board.rows, now.slice(0, 10)));
      progress(4);
      const stageOf = (row: (typeof board.rows)[number], stage: ClosingStage) => row[`${stage}_at`] !== null;
      const companies = board.rows.map((row) => ({
        company: row.code,
        submitted: stageOf(row, 'submitted'),
        validated: stageOf(row, 'validated'),
        consolidated: stageOf(row, 'consolidated'),
      }));
      ctx.progress(
        t('conso.progress.processDone', {
          conso: conso.code,
          companies: companies.length,
          validated: companies.filter((c) => c.validated).length,
          consolidated: companies.filter((c) => c.consolidated).length,
          reminders: reminders.length,
        }),
        { current: PHASES, total: PHASES },
      );
      return {
        conso: conso.code,
        period: conso.period_code,
        companies,
        changes: board.changes,
        started,
        reminders,
      };
    },
  }),
});
