import type { MssqlConnectionSettings } from '@hangar/conso-db';
import {
  isErrorInfoParam,
  MAX_RETURNED_ROWS,
  type ProcedureOutcome,
  type ProcedureParamType,
  type RunStoredProcedureParams,
} from './procedure-params.js';

/** The part of an `mssql` request this call uses. */
export interface MssqlRequest {
  input(name: string, type: unknown, value: unknown): MssqlRequest;
  output(name: string, type: unknown, value?: unknown): MssqlRequest;
  execute(procedure: string): Promise<{
    recordsets: readonly (readonly Record<string, unknown>[])[] | Record<string, never>;
    output: Record<string, unknown>;
  }>;
  cancel(): void;
}

/** The part of the `mssql` package this call uses (so it needs no type package of its own). */
export interface MssqlModule {
  ConnectionPool: new (
    config: Record<string, unknown>,
  ) => { connect(): Promise<{ request(): MssqlRequest }>; close(): Promise<void> };
  Int: unknown;
  BigInt: unknown;
  Decimal(precision: number, scale: number): unknown;
  NVarChar(length: unknown): unknown;
  MAX: unknown;
  Bit: unknown;
  Date: unknown;
  DateTimeOffset: unknown;
  Xml: unknown;
}

/** Loads the `mssql` package (an optional peer dependency). */
export async function loadMssql(): Promise<MssqlModule> {
  const name = 'mssql';
  const loaded = (await import(name)) as { default?: MssqlModule } & MssqlModule;
  return loaded.default ?? loaded;
}

function mssqlType(mssql: MssqlModule, type: ProcedureParamType): unknown {
  switch (type) {
    case 'int':
      return mssql.Int;
    case 'bigint':
      return mssql.BigInt;
    case 'numeric':
      return mssql.Decimal(28, 10);
    case 'boolean':
      return mssql.Bit;
    case 'date':
      return mssql.Date;
    case 'timestamp':
      return mssql.DateTimeOffset;
    case 'xml':
      return mssql.Xml;
    default:
      return mssql.NVarChar(mssql.MAX); // text, json
  }
}

/** `mssql` pool settings from a parsed `mssql://` URL. */
export function mssqlPoolConfig(settings: MssqlConnectionSettings): Record<string, unknown> {
  return {
    server: settings.server,
    port: settings.port,
    database: settings.database,
    user: settings.userName,
    password: settings.password,
    options: {
      encrypt: settings.encrypt,
      trustServerCertificate: settings.trustServerCertificate,
      ...(settings.instanceName === undefined ? {} : { instanceName: settings.instanceName }),
    },
    pool: { max: 1, min: 0 },
  };
}

/**
 * Calls a SQL Server stored procedure through `mssql`: inputs typed, OUTPUT parameters declared
 * (`@errorinfo` as XML), the job's signal mapped to `request.cancel()`. Functions are not called
 * this way (`kind: 'function'` is PostgreSQL only).
 */
export async function callMssqlProcedure(
  settings: MssqlConnectionSettings,
  params: RunStoredProcedureParams,
  signal: AbortSignal,
  mssql: MssqlModule,
): Promise<ProcedureOutcome> {
  const pool = new mssql.ConnectionPool(mssqlPoolConfig(settings));
  const connected = await pool.connect();
  const cancel = () => request.cancel();
  const request = connected.request();
  try {
    for (const param of params.parameters) {
      const type = mssqlType(mssql, param.type);
      if (param.direction === 'in') request.input(param.name, type, param.value ?? null);
      else if (param.direction === 'out') request.output(param.name, type);
      else request.output(param.name, type, param.value ?? null);
    }
    signal.addEventListener('abort', cancel, { once: true });
    if (signal.aborted) cancel();
    const result = await request.execute(params.procedure);
    const outputs: Record<string, unknown> = {};
    let errorInfoXml: string | undefined;
    for (const param of params.parameters) {
      if (param.direction === 'in') continue;
      const value = result.output[param.name];
      if (isErrorInfoParam(param)) errorInfoXml = typeof value === 'string' ? value : undefined;
      else outputs[param.name] = value ?? null;
    }
    const sets = Array.isArray(result.recordsets) ? result.recordsets : [];
    return { outputs, rows: sets.flat().slice(0, MAX_RETURNED_ROWS), errorInfoXml };
  } finally {
    signal.removeEventListener('abort', cancel);
    await pool.close();
  }
}
