import type { ConsoDb } from '@hangar/conso-db';
import { type RawBuilder, sql } from 'kysely';
import { cancelRunningStatementOnAbort } from '../sql/cancel-running-statement.js';
import {
  isErrorInfoParam,
  MAX_RETURNED_ROWS,
  type ProcedureOutcome,
  type ProcedureParam,
  type ProcedureParamType,
  type RunStoredProcedureParams,
} from './procedure-params.js';

const PG_TYPES: Readonly<Record<ProcedureParamType, string>> = {
  int: 'integer',
  bigint: 'bigint',
  numeric: 'numeric',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  xml: 'xml',
  json: 'jsonb',
};

function argument(param: ProcedureParam): RawBuilder<unknown> {
  const type = sql.raw(PG_TYPES[param.type]);
  // An OUT parameter of a procedure is passed as NULL; its value comes back in the result row.
  return param.direction === 'out' ? sql`null::${type}` : sql`${param.value ?? null}::${type}`;
}

/**
 * Calls a PostgreSQL procedure (`CALL p(…)`: IN, INOUT and OUT parameters, the outputs read from
 * the row CALL returns) or function (`SELECT * FROM f(…)`: IN and INOUT arguments, its rows
 * returned, OUT and INOUT values read from the first row), on a connection held for the call so
 * that the job's signal cancels it on the server.
 */
export async function callPostgresProcedure(
  conso: ConsoDb,
  params: RunStoredProcedureParams,
  signal: AbortSignal,
): Promise<ProcedureOutcome> {
  const name = sql.id(...params.procedure.split('.'));
  const passed =
    params.kind === 'function' ? params.parameters.filter((p) => p.direction !== 'out') : params.parameters;
  const args = sql.join(passed.map(argument));
  const statement =
    params.kind === 'function' ? sql`select * from ${name}(${args})` : sql`call ${name}(${args})`;
  return conso.db.connection().execute(async (connection) => {
    const stop = await cancelRunningStatementOnAbort('postgres', conso.db, connection, signal);
    try {
      const { rows } = await statement.execute(connection);
      const first = (rows[0] ?? {}) as Record<string, unknown>;
      const outputs: Record<string, unknown> = {};
      let errorInfoXml: string | undefined;
      for (const param of params.parameters) {
        if (param.direction === 'in') continue;
        const value = first[param.name] ?? first[param.name.toLowerCase()];
        if (isErrorInfoParam(param)) errorInfoXml = typeof value === 'string' ? value : undefined;
        else outputs[param.name] = value ?? null;
      }
      const returned =
        params.kind === 'function' ? (rows as Record<string, unknown>[]).slice(0, MAX_RETURNED_ROWS) : [];
      return { outputs, rows: returned, errorInfoXml };
    } finally {
      stop();
    }
  });
}
