import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { codesToIds, type NewConsoRow, replaceConsolidatedData } from '@hangar/conso-db';
import { testBackends } from '@hangar/jobs-importexport/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunnerFixture, type RunnerFixture } from '../testing/runner-fixture.js';
import type { FlexSheetResult } from './flex-sheet-job.js';

const backends = await testBackends();

/** One entry of a zip file (the workbook's XML parts), read through its local header. */
function zipEntry(zip: Buffer, name: string): string {
  for (let at = 0; at + 30 < zip.length; ) {
    if (zip.readUInt32LE(at) !== 0x04034b50) break;
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const entry = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    if (entry === name) {
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at = start + size;
  }
  throw new Error(`${name} is not in the zip`);
}

async function writeTemplate(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const report = workbook.addWorksheet('Report');
  report.addRow(['', 'FR1', 'US1', 'Total']);
  report.addRow(['7100']);
  report.addRow(['6100']);
  report.getCell('D2').value = { formula: 'SUM(B2:C2)', result: 999 } as ExcelJS.CellFormulaValue;
  report.getCell('D3').value = { formula: 'SUM(B3:C3)', result: 999 } as ExcelJS.CellFormulaValue;
  report.getCell('B4').value = { formula: 'B2+B3', result: 999 } as ExcelJS.CellFormulaValue;
  workbook.definedNames.add('Report!$B$2:$C$3', 'PL');
  const trend = workbook.addWorksheet('Trend');
  trend.getCell('A2').value = 'Sales';
  trend.getCell('C4').value = { formula: 'B4*2' } as ExcelJS.CellFormulaValue;
  workbook.definedNames.add('Trend!$B$2:$C$2', 'SalesTrend');
  workbook.definedNames.add('Trend!$B$4:$C$4', 'Keep');
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

describe.each(backends)('FlexSheetJob on $kind', ({ kind, skipReason }) => {
  let fx: RunnerFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openRunnerFixture(kind);
    const { db } = fx.test.consoDb;
    const { customerId, consoId } = fx.demo;
    const companies = new Map(await codesToIds(db, 'companies', customerId));
    const accounts = new Map(await codesToIds(db, 'accounts', customerId));
    const period = await db
      .selectFrom('periods')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('code', '=', '202212')
      .executeTakeFirstOrThrow();
    const current = await db
      .selectFrom('consos')
      .selectAll()
      .where('id', '=', consoId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = current;
    await db
      .insertInto('consos')
      .values({ ...copy, code: '202212ACT001', period_id: period.id })
      .execute();
    const prior = await db
      .selectFrom('consos')
      .select('id')
      .where('code', '=', '202212ACT001')
      .executeTakeFirstOrThrow();
    const row = (company: string, account: string, amount: number, step = 'translation') =>
      ({
        conso_id: 0,
        company_id: companies.get(company)!,
        account_id: accounts.get(account)!,
        partner_company_id: null,
        flow_id: null,
        dimension: null,
        origin: 'bundle',
        step,
        amount_gc: amount,
      }) satisfies NewConsoRow<'consolidated_data'>;
    await replaceConsolidatedData(
      db,
      consoId,
      [
        row('FR1', '7100', -900_000),
        row('FR1', '7100', -100.25, 'ic_elimination'),
        row('FR1', '6100', 450_000),
        row('US1', '7100', -1_387_500),
        row('US1', '6100', 740_000),
        row('UK1', '7100', -5),
      ].map((r) => ({ ...r, conso_id: consoId })),
    );
    await replaceConsolidatedData(
      db,
      prior.id,
      [row('FR1', '7100', -800_000), row('US1', '7100', -1_000_000)].map((r) => ({
        ...r,
        conso_id: prior.id,
      })),
    );
    await writeTemplate(fx.store.pathOf('templates/report.xlsx'));
  }, 120_000);
  afterAll(async () => fx?.close());

  const bindings = [
    {
      name: 'PL',
      rows: { dimension: 'account', members: ['7100', '6100'] },
      columns: { dimension: 'company', members: ['FR1', 'US1'] },
    },
    {
      name: 'SalesTrend',
      rows: { dimension: 'account', members: ['7100'] },
      columns: { dimension: 'conso', members: ['202212ACT001', '202312ACT001'] },
      companies: ['FR1', 'US1'],
    },
    {
      name: 'Keep',
      rows: { dimension: 'account', members: ['7100'] },
      columns: { dimension: 'company', members: ['FR1', 'US1'] },
    },
  ];

  it.skipIf(skipReason)(
    'fills the named ranges, keeps the formulas and marks them for recalculation',
    async () => {
      const job = await fx.run(
        'other.flex-sheet',
        { conso: '202312ACT001', template: 'templates/report.xlsx', bindings },
        { customerId: 'DEMO' },
      );
      expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
      const result = job.result?.result as FlexSheetResult;
      expect(result).toMatchObject({ cells: 7, formulas: 4 });
      expect(result.file.name).toBe('report-202312ACT001.xlsx');
      expect(job.result?.outputFiles).toEqual([result.file]);
      const bytes = await readFile(fx.store.pathOf(result.file.location));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const report = workbook.getWorksheet('Report')!;
      expect([report.getCell('B2').value, report.getCell('C2').value]).toEqual([-900_100.25, -1_387_500]);
      expect([report.getCell('B3').value, report.getCell('C3').value]).toEqual([450_000, 740_000]);
      expect(report.getCell('A2').value).toBe('7100');
      for (const [address, formula] of [
        ['D2', 'SUM(B2:C2)'],
        ['D3', 'SUM(B3:C3)'],
        ['B4', 'B2+B3'],
      ] as const) {
        expect(report.getCell(address).formula).toBe(formula);
        // The template's stale result is gone: the application computes it on open.
        expect((report.getCell(address).value as ExcelJS.CellFormulaValue).result).toBeUndefined();
      }
      const trend = workbook.getWorksheet('Trend')!;
      expect([trend.getCell('B2').value, trend.getCell('C2').value]).toEqual([-1_800_000, -2_287_600.25]);
      expect(trend.getCell('B4').value).toBe(-900_100.25);
      expect(trend.getCell('C4').formula).toBe('B4*2');
      expect(zipEntry(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    },
  );

  it.skipIf(skipReason)('takes its template from another job of the tenant', async () => {
    const first = await fx.run(
      'other.flex-sheet',
      { conso: '202312ACT001', template: 'templates/report.xlsx', bindings, fileName: 'first.xlsx' },
      { customerId: 'DEMO' },
    );
    const again = await fx.run(
      'other.flex-sheet',
      { conso: fx.demo.consoId, template: { job: first.id, file: 'first.xlsx' }, bindings: [bindings[0]] },
      { customerId: 'DEMO' },
    );
    expect(again.state, JSON.stringify(again.errorInfo)).toBe('Succeeded');
    expect((again.result!.result as FlexSheetResult).file.name).toBe('first-202312ACT001.xlsx');
  });

  it.skipIf(skipReason)(
    'refuses bindings the template or the tenant cannot satisfy, writing nothing',
    async () => {
      const refused: [unknown, Record<string, unknown>][] = [
        [
          [{ ...bindings[0], name: 'Nope' }],
          { code: 'OTHER_PARAM_INVALID', params: { param: 'bindings.0.name' } },
        ],
        [
          [{ ...bindings[0], rows: { dimension: 'account', members: ['7100'] } }],
          { code: 'OTHER_PARAM_INVALID', params: { param: 'bindings.0.name' } },
        ],
        [
          [{ ...bindings[0], rows: { dimension: 'account', members: ['7100', '9999'] } }],
          { code: 'SCOPE_NOT_FOUND', params: { param: 'bindings.0.rows.members.1' } },
        ],
      ];
      for (const [value, expected] of refused) {
        const job = await fx.run(
          'other.flex-sheet',
          { conso: '202312ACT001', template: 'templates/report.xlsx', bindings: value },
          { customerId: 'DEMO' },
        );
        expect(job.state).toBe('Failed');
        expect(job.errorInfo?.[0]).toMatchObject(expected);
        expect(job.result?.outputFiles ?? []).toEqual([]);
      }
      await expect(
        fx.runner.client.enqueue('other.flex-sheet', {
          conso: '202312ACT001',
          template: 'templates/report.xlsx',
          bindings: [{ ...bindings[0], columns: { dimension: 'account', members: ['7100'] } }],
        }),
      ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    },
  );
});
