import { openConsoDb } from '@hangar/conso-db';
import {
  defineJob,
  type ErrorInfo,
  errorInfoMessage,
  type JobContext,
  parseErrorInfoXml,
  t,
} from '@hangar/core';
import type { z } from 'zod';
import { StoredProcedureError } from '../errors/stored-procedure-error.js';
import { checkProcedureCall } from '../procedure/check-procedure-call.js';
import { callMssqlProcedure, loadMssql } from '../procedure/mssql-procedure-call.js';
import { callPostgresProcedure } from '../procedure/postgres-procedure-call.js';
import {
  type ProcedureOutcome,
  type RunStoredProcedureParams,
  runStoredProcedureParams,
} from '../procedure/procedure-params.js';
import { utilsOptionsOf } from '../settings/utils-options.js';
import { configuredConnection } from '../sql/configured-connection.js';

export const RUN_STORED_PROCEDURE_JOB_TYPE = 'utils.run-stored-procedure';

/** What a successful call returns. */
export interface RunStoredProcedureResult {
  readonly procedure: string;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** The procedure's ErrorInfo: warnings and notices go to the job log, errors fail the job. */
function applyErrorInfo(procedure: string, xml: string | undefined, ctx: JobContext): void {
  let info: ErrorInfo;
  try {
    info = parseErrorInfoXml(xml);
  } catch (error) {
    throw new StoredProcedureError(
      procedure,
      [],
      `its errorinfo is not valid XML (${(error as Error).message})`,
    );
  }
  for (const entry of info) {
    if (entry.severity === 'warning') ctx.warn(errorInfoMessage(entry));
    if (entry.severity === 'info') ctx.info(errorInfoMessage(entry));
  }
  const errors = info.filter((entry) => entry.severity === 'error');
  if (errors.length > 0)
    throw new StoredProcedureError(procedure, errors, `${errors.length} errors reported`);
}

/**
 * Calls a stored procedure (or, on PostgreSQL, a function) on a connection of the settings with
 * typed parameters, output parameters included, and reads the `errorinfo` XML convention: its
 * errors fail the job with their messages. Cancellation cancels the call on the server
 * (`pg_cancel_backend`, `request.cancel()` on SQL Server). System jobs only, unless the customer
 * is in `sql.allowedCustomers`.
 */
export const runStoredProcedureJob = defineJob<
  RunStoredProcedureParams,
  RunStoredProcedureResult,
  z.input<typeof runStoredProcedureParams>
>({
  type: RUN_STORED_PROCEDURE_JOB_TYPE,
  description: t('utils.job.runStoredProcedure'),
  params: runStoredProcedureParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const options = utilsOptionsOf(services).sql;
      const { url, parsed } = configuredConnection(
        options,
        ctx,
        RUN_STORED_PROCEDURE_JOB_TYPE,
        params.connection,
      );
      checkProcedureCall(params, parsed.dialect);
      ctx.checkpoint();
      ctx.progress(t('utils.progress.procedureStarted', { procedure: params.procedure }), {
        current: 0,
        total: 1,
      });
      let outcome: ProcedureOutcome;
      try {
        if (parsed.dialect === 'mssql') {
          outcome = await callMssqlProcedure(parsed.connection, params, ctx.signal, await loadMssql());
        } else {
          const conso = await openConsoDb(url, { poolSize: 2 });
          try {
            outcome = await callPostgresProcedure(conso, params, ctx.signal);
          } finally {
            await conso.close();
          }
        }
      } catch (error) {
        ctx.checkpoint(); // a call cancelled on the server ends the job Cancelled
        throw new StoredProcedureError(params.procedure, [], (error as Error).message);
      }
      applyErrorInfo(params.procedure, outcome.errorInfoXml, ctx);
      ctx.progress(
        t('utils.progress.procedureDone', { procedure: params.procedure, rows: outcome.rows.length }),
        {
          current: 1,
          total: 1,
        },
      );
      return { procedure: params.procedure, outputs: outcome.outputs, rows: outcome.rows };
    },
  }),
});
