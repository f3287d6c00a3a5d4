import { replaceConsolidatedData } from '@hangar/conso-db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportReportingSolutionsJob } from './export-reporting-solutions-job.js';

const backends = await testBackends();

describe.each(backends)('report pack export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    const { db } = fx.test.consoDb;
    const bundles = await db
      .selectFrom('bundles')
      .selectAll()
      .where('period_id', '=', fx.demo.periodId)
      .where('category_id', '=', fx.demo.categoryId)
      .execute();
    const account = async (code: string) =>
      (await db.selectFrom('accounts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const us1 = (
      await db.selectFrom('companies').select('id').where('code', '=', 'US1').executeTakeFirstOrThrow()
    ).id;
    const row = (company: number, accountId: number, amount: number) => ({
      conso_id: fx.demo.consoId,
      company_id: company,
      account_id: accountId,
      partner_company_id: null,
      flow_id: null,
      dimension: null,
      origin: 'nci' as const,
      step: 'elims',
      amount_gc: amount,
    });
    await replaceConsolidatedData(db, fx.demo.consoId, [
      ...bundles.map((b) => ({
        ...row(b.company_id, b.account_id, Number(b.amount)),
        partner_company_id: b.partner_company_id,
        flow_id: b.flow_id,
        origin: 'bundle' as const,
      })),
      // US1's minorities: 20 % of equity and of the result.
      row(us1, await account('3950'), -50_000),
      row(us1, await account('3100'), 50_000),
      row(us1, await account('8900'), 20_000),
      row(us1, await account('3100'), -20_000),
    ]);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });

  it.skipIf(skipReason)('writes BS and P&L by company with SUM formulas, group share and NCI', async () => {
    const ctx = recordingContext(fx.services);
    const result = await exportReportingSolutionsJob
      .create(fx.services)
      .execute(exportReportingSolutionsJob.params.parse({ customer: 'DEMO', conso: '202312ACT001' }), ctx);
    expect(ctx.outputFiles[0]).toMatchObject({ name: 'report-pack-202312ACT001.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fx.store.pathOf(result.files[0]!.location));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Balance sheet',
      'Income statement',
      'Ownership',
    ]);
    const bs = workbook.getWorksheet('Balance sheet')!;
    const header = bs.getRow(2).values as unknown[];
    const consolidatedColumn = header.indexOf('Consolidated');
    expect(header.slice(3, consolidatedColumn)).toEqual(['FR1', 'HOLD', 'JV1', 'UK1', 'US1']);
    const byLabel = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(2).value === label) found = r;
      });
      return found!;
    };
    // exceljs leaves out a formula result of 0 when writing.
    const value = (cell: ExcelJS.Cell) => (cell.value as { result?: number }).result ?? 0;
    const cash = bs.getRow(3).getCell(consolidatedColumn);
    expect((cash.value as { formula: string }).formula).toMatch(/^SUM\(C3:G3\)$/);
    const check = byLabel(bs, 'Check: assets, liabilities and equity sum to zero');
    expect(value(check.getCell(consolidatedColumn))).toBeCloseTo(0, 6);
    expect(
      (byLabel(bs, 'Total equity before the result').getCell(consolidatedColumn).value as { formula: string })
        .formula,
    ).toMatch(/^SUM\(/);
    expect((byLabel(bs, 'Result of the period').getCell(3).value as { formula: string }).formula).toMatch(
      /^'Income statement'!C\d+$/,
    );
    const nci = value(byLabel(bs, 'Equity, non-controlling interests').getCell(consolidatedColumn));
    const group = value(byLabel(bs, 'Equity, group share').getCell(consolidatedColumn));
    expect(nci).toBe(-70_000);
    expect(group + nci).toBeCloseTo(value(byLabel(bs, 'Total equity').getCell(consolidatedColumn)), 6);
    const pl = workbook.getWorksheet('Income statement')!;
    const before = value(byLabel(pl, 'Net result before attribution').getCell(consolidatedColumn));
    const minorities = value(
      byLabel(pl, 'Net result, non-controlling interests').getCell(consolidatedColumn),
    );
    const groupShare = value(byLabel(pl, 'Net result, group share').getCell(consolidatedColumn));
    expect(minorities).toBe(20_000);
    expect(groupShare + minorities).toBeCloseTo(before, 6);
    expect((byLabel(pl, 'Net result, group share').getCell(3).value as { formula: string }).formula).toMatch(
      /^-C\d+$/,
    );
  });
});
