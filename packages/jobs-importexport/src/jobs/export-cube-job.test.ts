import { readFile } from 'node:fs/promises';
import { replaceConsolidatedData } from '@hangar/conso-db';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportCubeJob } from './export-cube-job.js';

const backends = await testBackends();

describe.each(backends)('cube export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  let expected: { rows: number; total: number; byCompany: Record<string, number> };
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    const { db } = fx.test.consoDb;
    // Consolidated data as a run would write it: here the bundles, plus a dimension on some lines.
    const bundles = await db
      .selectFrom('bundles')
      .selectAll()
      .where('period_id', '=', fx.demo.periodId)
      .where('category_id', '=', fx.demo.categoryId)
      .execute();
    await replaceConsolidatedData(
      db,
      fx.demo.consoId,
      bundles.map((b, i) => ({
        conso_id: fx.demo.consoId,
        company_id: b.company_id,
        account_id: b.account_id,
        partner_company_id: b.partner_company_id,
        flow_id: b.flow_id,
        dimension: i % 3 === 0 ? `SEG${i % 2}` : null,
        origin: 'bundle' as const,
        step: 'bundles',
        amount_gc: Number(b.amount) * 0.5,
      })),
    );
    const companies = new Map(
      (await db.selectFrom('companies').select(['id', 'code']).execute()).map((c) => [c.id, c.code]),
    );
    const byCompany: Record<string, number> = {};
    for (const b of bundles)
      byCompany[companies.get(b.company_id)!] =
        (byCompany[companies.get(b.company_id)!] ?? 0) + Number(b.amount) * 0.5;
    expected = {
      rows: bundles.length,
      total: bundles.reduce((s, b) => s + Number(b.amount) * 0.5, 0),
      byCompany,
    };
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>) => {
    const ctx = recordingContext(fx.services);
    return exportCubeJob
      .create(fx.services)
      .execute(exportCubeJob.params.parse({ customer: 'DEMO', conso: '202312ACT001', ...params }), ctx)
      .then((result) => ({ result, ctx }));
  };

  it.skipIf(skipReason)('writes a Parquet star schema whose fact joins back to the dimensions', async () => {
    const { result, ctx } = await run({});
    expect(result.rows).toBe(expected.rows);
    expect(ctx.outputFiles.map((f) => f.name)).toEqual(
      [
        'fact',
        'dim_company',
        'dim_partner',
        'dim_account',
        'dim_flow',
        'dim_period',
        'dim_category',
        'dim_dimension',
      ].map((n) => `cube-202312ACT001-${n}.parquet`),
    );
    const read = async (name: string) => {
      const file = result.files.find((f) => f.name === `cube-202312ACT001-${name}.parquet`)!;
      return (await parquetReadObjects({
        file: await asyncBufferFromFile(fx.store.pathOf(file.location)),
      })) as Record<string, unknown>[];
    };
    const fact = await read('fact');
    const companies = new Map((await read('dim_company')).map((c) => [c.company_key, c.code as string]));
    const dimensions = await read('dim_dimension');
    expect(fact).toHaveLength(expected.rows);
    expect(dimensions.map((d) => d.code).sort()).toEqual(['SEG0', 'SEG1']);
    const byCompany: Record<string, number> = {};
    for (const row of fact) {
      const code = companies.get(row.company_key)!;
      byCompany[code] = (byCompany[code] ?? 0) + (row.amount as number);
    }
    for (const [code, total] of Object.entries(expected.byCompany))
      expect(byCompany[code]).toBeCloseTo(total, 6);
    expect(fact.some((row) => row.partner_key !== null && row.partner_key !== undefined)).toBe(true);
    const accounts = await read('dim_account');
    expect(accounts.find((a) => a.code === '1000')?.parent_key).toBeTypeOf('number');
  });

  it.skipIf(skipReason)('writes CSV files of the reported bundles on request', async () => {
    const { result } = await run({ source: 'bundles', format: 'csv' });
    expect(result.files).toHaveLength(8);
    const fact = await readFile(fx.store.pathOf(result.files[0]!.location), 'utf8');
    expect(fact.split('\n')[0]).toBe(
      'company_key,account_key,partner_key,flow_key,period_key,category_key,dimension_key,origin,amount',
    );
    expect(fact.trim().split('\n')).toHaveLength(expected.rows + 1);
  });
});
