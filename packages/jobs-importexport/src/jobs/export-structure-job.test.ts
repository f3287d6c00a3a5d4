import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportStructureJob } from './export-structure-job.js';
import { STRUCTURE_SHEETS } from './structure-file-format.js';

const backends = await testBackends();

describe.each(backends)('structure export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });

  it.skipIf(skipReason)('writes one sheet per kind of master data, holdings only for a conso', async () => {
    const read = async (params: Record<string, unknown>) => {
      const result = await exportStructureJob
        .create(fx.services)
        .execute(
          exportStructureJob.params.parse({ customer: 'DEMO', ...params }),
          recordingContext(fx.services),
        );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(fx.store.pathOf(result.files[0]!.location));
      return workbook;
    };
    const plain = await read({});
    expect(plain.worksheets.map((w) => w.name)).toEqual([
      'companies',
      'categories',
      'periods',
      'flows',
      'accounts',
      'ic_rules',
    ]);
    const withConso = await read({ conso: '202312ACT001' });
    const holdings = withConso.getWorksheet('holdings')!;
    expect((holdings.getRow(1).values as unknown[]).slice(1)).toEqual([...STRUCTURE_SHEETS.holdings]);
    expect(holdings.actualRowCount).toBe(5);
    const accounts = withConso.getWorksheet('accounts')!;
    const cash = (accounts.getSheetValues() as unknown[][]).find((row) => row?.[1] === '1000');
    expect(cash?.slice(1)).toEqual(['1000', 'Cash and cash equivalents', 'BS', 'CC', undefined, 'A', 0]);
  });
});
