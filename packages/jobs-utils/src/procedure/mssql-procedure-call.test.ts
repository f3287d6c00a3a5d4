import { parseConsoDbUrl } from '@hangar/conso-db';
import { describe, expect, it } from 'vitest';
import {
  callMssqlProcedure,
  loadMssql,
  type MssqlModule,
  type MssqlRequest,
} from './mssql-procedure-call.js';
import { runStoredProcedureParams } from './procedure-params.js';

const settings = (url: string) => {
  const parsed = parseConsoDbUrl(url);
  if (parsed.dialect !== 'mssql') throw new Error('not an mssql URL');
  return parsed.connection;
};

const params = runStoredProcedureParams.parse({
  connection: 'mssql',
  procedure: 'dbo.p_check',
  parameters: [
    { name: 'company', type: 'text', value: 'FR1' },
    { name: 'total', type: 'numeric', direction: 'inout', value: 1.5 },
    { name: 'errorinfo', type: 'xml', direction: 'out' },
  ],
});

describe('SQL Server procedure call (through the real mssql module, no server)', () => {
  it('declares typed inputs and outputs, @errorinfo as XML, and cancels the request on abort', async () => {
    const mssql = await loadMssql();
    const calls: unknown[][] = [];
    let cancelled = 0;
    let release: () => void = () => undefined;
    const request: MssqlRequest = {
      input: (...args) => {
        calls.push(['input', ...args]);
        return request;
      },
      output: (...args) => {
        calls.push(['output', ...args]);
        return request;
      },
      cancel: () => {
        cancelled += 1;
        release();
      },
      execute: (name) =>
        new Promise((resolve, reject) => {
          calls.push(['execute', name]);
          release = () => reject(new Error('Canceled.'));
          setTimeout(
            () => resolve({ recordsets: [], output: { total: 3, errorinfo: '<errorinfo/>' } }),
            60_000,
          );
        }),
    };
    let closed = false;
    const fake: MssqlModule = Object.assign(Object.create(mssql) as MssqlModule, {
      ConnectionPool: class {
        constructor(readonly config: Record<string, unknown>) {
          calls.push(['pool', config]);
        }
        async connect() {
          return { request: () => request };
        }
        async close() {
          closed = true;
        }
      },
    });
    const controller = new AbortController();
    const call = callMssqlProcedure(
      settings('mssql://sa:pw@db.example:1433/conso?trustServerCertificate=true'),
      params,
      controller.signal,
      fake,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(call).rejects.toThrow('Canceled.');
    expect(cancelled).toBe(1);
    expect(closed).toBe(true);
    expect(calls[0]).toMatchObject([
      'pool',
      { server: 'db.example', port: 1433, database: 'conso', user: 'sa' },
    ]);
    expect(calls.slice(1)).toEqual([
      ['input', 'company', mssql.NVarChar(mssql.MAX), 'FR1'],
      ['output', 'total', mssql.Decimal(28, 10), 1.5],
      ['output', 'errorinfo', mssql.Xml],
      ['execute', 'dbo.p_check'],
    ]);
  });
});

const liveUrl = process.env.HANGAR_MSSQL_URL;
if (liveUrl === undefined)
  console.warn('[jobs-utils] skipping live SQL Server procedure test: HANGAR_MSSQL_URL is not set');

describe.skipIf(liveUrl === undefined)('SQL Server procedure call, live (HANGAR_MSSQL_URL)', () => {
  it('reads an XML @errorinfo output and an inout value', async () => {
    const mssql = await loadMssql();
    const config = settings(liveUrl!);
    const pool = await new mssql.ConnectionPool({
      server: config.server,
      port: config.port,
      database: config.database,
      user: config.userName,
      password: config.password,
      options: { encrypt: config.encrypt, trustServerCertificate: config.trustServerCertificate },
    }).connect();
    const exec = (text: string) =>
      (pool.request() as unknown as { query(q: string): Promise<unknown> }).query(text);
    await exec(`create or alter procedure dbo.hangar_utils_check @company nvarchar(max), @total decimal(28,10) output, @errorinfo xml output as
      begin set @total = @total * 2; set @errorinfo = N'<errorinfo><error code="X" key="sql.x"><param name="company">' + @company + N'</param></error></errorinfo>'; end`);
    try {
      const outcome = await callMssqlProcedure(
        config,
        { ...params, procedure: 'dbo.hangar_utils_check' },
        new AbortController().signal,
        mssql,
      );
      expect(outcome.outputs).toEqual({ total: 3 });
      expect(outcome.errorInfoXml).toContain('code="X"');
    } finally {
      await exec('drop procedure dbo.hangar_utils_check');
    }
  });
});
