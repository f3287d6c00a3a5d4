import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { ADJUSTMENT_COLUMNS } from './adjustments-file-format.js';
import { exportAdjustmentsJob } from './export-adjustments-job.js';

const backends = await testBackends();

describe.each(backends)('adjustments export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });

  it.skipIf(skipReason)(
    "writes one row per line of the selected companies' journals, balanced per journal",
    async () => {
      const result = await exportAdjustmentsJob.create(fx.services).execute(
        exportAdjustmentsJob.params.parse({
          customer: 'DEMO',
          conso: '202312ACT001',
          format: 'xlsx',
          companies: ['US1'],
        }),
        recordingContext(fx.services),
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(fx.store.pathOf(result.files[0]!.location));
      const sheet = workbook.getWorksheet('adjustments')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ADJUSTMENT_COLUMNS]);
      const rows = (sheet.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1));
      expect(rows.length).toBe(result.rows);
      expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['US1']));
      const totals = new Map<unknown, number>();
      for (const row of rows) totals.set(row[0], (totals.get(row[0]) ?? 0) + Number(row[8]));
      for (const total of totals.values()) expect(Math.round(total * 100)).toBe(0);
    },
  );
});
