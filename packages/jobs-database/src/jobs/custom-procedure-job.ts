import { logModification, ScopeNotFoundError } from '@hangar/conso-db';
import { defineJob, errorInfoMessage, t } from '@hangar/core';
import { z } from 'zod';
import { inCancellableTransaction } from '../cancellation/cancellable-transaction.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { CustomProcedureFailedError } from '../errors/custom-procedure-failed-error.js';
import { callCustomProcedure } from '../procedures/call-custom-procedure.js';
import { procedureArgs } from '../procedures/procedure-values.js';
import { customerParam } from './job-params.js';

/** Parameters of {@link customProcedureJob}. */
export const customProcedureParams = z.object({
  /** Code of the procedure registered for the customer. */
  procedure: z.string().min(1).max(50),
  /** Customer of the code (only a system job may name one other than its tenant). */
  customer: customerParam,
  /** Values by parameter name; checked against the procedure's definitions. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});

/** Parameters after defaults. */
export type CustomProcedureParams = z.output<typeof customProcedureParams>;

/** Result of a custom procedure run. */
export interface CustomProcedureResult {
  readonly procedure: string;
  /** The arguments passed, after defaults. */
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  /** Warnings and infos the procedure returned in `@errorinfo`. */
  readonly messages: number;
}

/** Job type name of {@link customProcedureJob}. */
export const CUSTOM_PROCEDURE_JOB_TYPE = 'conso.custom-procedure';

/**
 * CustomProcedure: runs a procedure the customer registered (`custom_procedures`) with values
 * checked against its parameter definitions, in one transaction; `@errorinfo` warnings become job
 * warnings and any error rolls the procedure's work back and fails the job with its entries.
 */
export const customProcedureJob = defineJob<
  CustomProcedureParams,
  CustomProcedureResult,
  z.input<typeof customProcedureParams>
>({
  type: CUSTOM_PROCEDURE_JOB_TYPE,
  description: t('conso.job.customProcedure'),
  params: customProcedureParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const customer = (await jobScope(db, ctx, params.customer)).requireCustomer();
      // Looked up by code inside the customer only: another customer's procedure is never found.
      const procedure = await db
        .selectFrom('custom_procedures')
        .selectAll()
        .where('customer_id', '=', customer.id)
        .where('code', '=', params.procedure)
        .executeTakeFirst();
      if (procedure === undefined) throw new ScopeNotFoundError('procedure', 'procedure', params.procedure);
      const definitions = await db
        .selectFrom('custom_procedure_params')
        .selectAll()
        .where('procedure_id', '=', procedure.id)
        .execute();
      const args = procedureArgs(procedure.code, definitions, params.values);
      ctx.progress(t('conso.progress.customProcedure', { procedure: procedure.code }), {
        current: 0,
        total: 1,
      });
      const info = await inCancellableTransaction(consoDb, ctx, async (trx) => {
        const returned = await callCustomProcedure(trx, procedure, args);
        const errors = returned.filter((entry) => entry.severity === 'error');
        if (errors.length > 0) throw new CustomProcedureFailedError(procedure.code, errors);
        return returned;
      });
      for (const entry of info) ctx.warn(errorInfoMessage(entry));
      const values = Object.fromEntries(args.map((a) => [a.name, a.value]));
      await logModification(db, {
        customerId: customer.id,
        logGroup: ctx.jobId,
        messageKey: 'conso.log.customProcedureRun',
        params: { procedure: procedure.code, values: JSON.stringify(values) },
        userId: await userIdOfLogin(db, customer.id, ctx.userId),
        screen: ctx.type,
      });
      ctx.progress(t('conso.progress.customProcedure', { procedure: procedure.code }), {
        current: 1,
        total: 1,
      });
      return { procedure: procedure.code, values, messages: info.length };
    },
  }),
});
