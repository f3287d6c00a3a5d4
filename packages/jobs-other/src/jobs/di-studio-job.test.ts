import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openConsoDb } from '@hangar/conso-db';
import { tenantUploadArea } from '@hangar/core';
import { saveMappingProfile } from '@hangar/jobs-importexport';
import { testBackends } from '@hangar/jobs-importexport/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpTestServer, startHttpTestServer } from '../testing/http-test-server.js';
import { openRunnerFixture, type RunnerFixture } from '../testing/runner-fixture.js';
import type { DiStudioResult } from './di-studio-job.js';

const backends = await testBackends();

const CSV = 'Code,Name,Ccy,Country\nNEW1,New One SA,EUR,FR\nNEW2,"New Two, Inc.",USD,US\n';

describe.each(backends)('DIStudioJob on $kind', ({ kind, skipReason }) => {
  let fx: RunnerFixture;
  let http: HttpTestServer;
  beforeAll(async () => {
    if (skipReason) return;
    http = await startHttpTestServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(req.url === '/erp/short.csv' ? 'Code,Name\nX1,Short\n' : CSV);
    });
    const erpPath = join(await import('node:os').then((os) => os.tmpdir()), `erp-${process.pid}-${kind}.db`);
    const erp = await openConsoDb(`sqlite:${erpPath}`);
    await sql`drop table if exists erp_companies`.execute(erp.db);
    await sql`create table erp_companies (code text, name text, currency text)`.execute(erp.db);
    await sql`insert into erp_companies values ('SQL1', 'From SQL', 'GBP'), ('SQL2', 'From SQL too', 'EUR')`.execute(
      erp.db,
    );
    await erp.close();
    fx = await openRunnerFixture(kind, {
      webService: { allowList: [{ url: `${http.url}/erp/` }], maxResultBytes: 0 },
      diStudio: {
        connections: {
          erp: { url: `sqlite:${erpPath}` },
          bravo: { url: `sqlite:${erpPath}`, customers: ['BRAVO'] },
        },
      },
    });
    const { db } = fx.test.consoDb;
    await saveMappingProfile(db, fx.demo.customerId, {
      code: 'COMPANIES',
      name: 'ERP companies',
      targetTable: 'companies',
      fileFormat: 'csv',
      mappings: [
        { target: 'code', source: 'Code' },
        { target: 'name', source: 'Name' },
        { target: 'currency', source: 'Ccy' },
        { target: 'country', source: 'Country' },
      ],
    });
    await saveMappingProfile(db, fx.demo.customerId, {
      code: 'SQL_COMPANIES',
      name: 'ERP companies from SQL',
      targetTable: 'companies',
      fileFormat: 'csv',
      mappings: [
        { target: 'code', source: 'code' },
        { target: 'name', source: 'name' },
        { target: 'currency', source: 'currency' },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await http?.close();
  });

  // A customer's file source is read from its upload area (`tenantUploadArea`).
  const writeUpload = async (name: string, content: string) => {
    const area = tenantUploadArea('DEMO') as string;
    await mkdir(fx.store.pathOf(area), { recursive: true });
    await writeFile(fx.store.pathOf(`${area}/${name}`), content);
  };
  const run = (params: Record<string, unknown>) =>
    fx.run('other.di-studio', { profile: 'COMPANIES', ...params }, { customerId: 'DEMO' });
  const companies = async () =>
    (
      await fx.test.consoDb.db
        .selectFrom('companies')
        .select(['code', 'name', 'currency', 'country'])
        .where('customer_id', '=', fx.demo.customerId)
        .orderBy('code')
        .execute()
    ).map((c) => [c.code, c.name, c.currency, c.country]);

  it.skipIf(skipReason)('dry-runs an HTTP source: what would be loaded, nothing written', async () => {
    const before = await companies();
    const job = await run({ source: { kind: 'http', url: `${http.url}/erp/companies.csv` }, dryRun: true });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    expect(job.result?.result).toEqual({
      dryRun: true,
      table: 'companies',
      rows: 2,
      columns: ['code', 'name', 'ccy', 'country'],
      missingColumns: [],
      preview: [
        { code: 'NEW1', name: 'New One SA', ccy: 'EUR', country: 'FR' },
        { code: 'NEW2', name: 'New Two, Inc.', ccy: 'USD', country: 'US' },
      ],
    });
    const short = await run({ source: { kind: 'http', url: `${http.url}/erp/short.csv` }, dryRun: true });
    expect(short.result?.result).toMatchObject({ rows: 1, missingColumns: ['ccy', 'country'] });
    expect(await companies()).toEqual(before);
  });

  it.skipIf(skipReason)('loads a file through the mapping profile, all or nothing', async () => {
    await writeUpload('bad.csv', `${CSV}BAD1,Bad,XXX,FR\n`);
    const before = await companies();
    const bad = await run({ source: { kind: 'file', file: 'bad.csv' } });
    expect(bad.state).toBe('Failed');
    expect(bad.errorInfo?.map((e) => e.code)).toEqual(['IMPORT_VALIDATION_FAILED', 'IMPORT_UNKNOWN_CODE']);
    expect(await companies()).toEqual(before);
    await writeUpload('good.csv', CSV);
    const good = await run({ source: { kind: 'file', file: 'good.csv' } });
    expect(good.state, JSON.stringify(good.errorInfo)).toBe('Succeeded');
    expect(good.result?.result).toMatchObject({
      dryRun: false,
      table: 'companies',
      rowsRead: 2,
      inserted: 2,
    });
    expect(await companies()).toEqual(
      [...before, ['NEW1', 'New One SA', 'EUR', 'FR'], ['NEW2', 'New Two, Inc.', 'USD', 'US']].sort((a, b) =>
        String(a[0]) < String(b[0]) ? -1 : 1,
      ),
    );
  });

  it.skipIf(skipReason)("loads a read-only SQL query and another job's output file", async () => {
    const fromSql = await run({
      profile: 'SQL_COMPANIES',
      source: {
        kind: 'sql',
        connection: 'erp',
        query: 'select code, name, currency from erp_companies order by code',
      },
    });
    expect(fromSql.state, JSON.stringify(fromSql.errorInfo)).toBe('Succeeded');
    expect((fromSql.result!.result as DiStudioResult & { inserted: number }).inserted).toBe(2);
    const fetched = await fx.run(
      'other.web-service',
      { url: `${http.url}/erp/more.csv`, fileName: 'more.csv' },
      { customerId: 'DEMO' },
    );
    expect(fetched.state).toBe('Succeeded');
    const fromJob = await run({ source: { kind: 'job', job: fetched.id, file: 'more.csv' }, mode: 'merge' });
    expect(fromJob.state, JSON.stringify(fromJob.errorInfo)).toBe('Succeeded');
    expect(fromJob.result?.result).toMatchObject({ rowsRead: 2 });
    const codes = (await companies()).map((c) => c[0]);
    expect(codes).toEqual(expect.arrayContaining(['SQL1', 'SQL2', 'NEW1', 'NEW2']));
  });

  it.skipIf(skipReason)('refuses a pipeline it cannot run before reading or writing anything', async () => {
    const before = await companies();
    const refused: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ source: { kind: 'http', url: `${http.url}/admin/x.csv` } }, { code: 'OTHER_URL_NOT_ALLOWED' }],
      [
        { source: { kind: 'sql', connection: 'nope', query: 'select 1' } },
        { code: 'OTHER_PARAM_INVALID', params: { param: 'source.connection' } },
      ],
      [
        { source: { kind: 'sql', connection: 'bravo', query: 'select 1' } },
        { code: 'TENANT_MISMATCH', params: { param: 'source.connection' } },
      ],
      [
        {
          profile: 'SQL_COMPANIES',
          source: { kind: 'sql', connection: 'erp', query: 'select 1; delete from erp_companies' },
        },
        { code: 'OTHER_PARAM_INVALID', params: { param: 'source.query' } },
      ],
      [
        {
          profile: 'SQL_COMPANIES',
          source: { kind: 'sql', connection: 'erp', query: 'delete from erp_companies' },
        },
        { code: 'OTHER_PARAM_INVALID', params: { param: 'source.query' } },
      ],
      [
        { source: { kind: 'job', job: 'no-such-job', file: 'x.csv' } },
        { code: 'OTHER_ATTACHMENT_NOT_FOUND', params: { param: 'source.job' } },
      ],
      [{ profile: 'NOPE', source: { kind: 'file', file: 'good.csv' } }, { code: 'SCOPE_NOT_FOUND' }],
    ];
    for (const [params, expected] of refused) {
      const job = await run(params);
      expect(job.state, JSON.stringify(params)).toBe('Failed');
      expect(job.errorInfo?.[0], JSON.stringify(params)).toMatchObject(expected);
    }
    const rows = await fx.run(
      'other.di-studio',
      {
        profile: 'SQL_COMPANIES',
        dryRun: true,
        source: { kind: 'sql', connection: 'erp', query: 'select count(*) as n from erp_companies' },
      },
      { customerId: 'DEMO' },
    );
    // The ERP table is intact: the refused statements never ran.
    expect(rows.result?.result).toMatchObject({ preview: [{ n: '2' }] });
    expect(await companies()).toEqual(before);
  });
});
