import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { tableSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportExRateJob } from './export-exrate-job.js';
import { importExRateJob } from './import-exrate-job.js';

const backends = await testBackends();

describe.each(backends)('exchange and historical rates on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>) =>
    importExRateJob
      .create(fx.services)
      .execute(importExRateJob.params.parse({ customer: 'DEMO', ...params }), recordingContext(fx.services));
  const exportRates = (params: Record<string, unknown>) =>
    exportExRateJob
      .create(fx.services)
      .execute(exportExRateJob.params.parse({ customer: 'DEMO', ...params }), recordingContext(fx.services));

  it.skipIf(skipReason)('round-trips every exchange rate through CSV with decimal commas', async () => {
    const before = await tableSnapshot(fx.test.consoDb, 'exchange_rates');
    expect(before.length).toBeGreaterThan(4);
    const csv = { delimiter: ';', decimalComma: true };
    const exported = await exportRates({ csv });
    await fx.test.consoDb.db.deleteFrom('exchange_rates').execute();
    await run({ file: exported.files[0]!.location, csv });
    expect(await tableSnapshot(fx.test.consoDb, 'exchange_rates')).toEqual(before);
  });

  it.skipIf(skipReason)('round-trips historical rates through XLSX', async () => {
    const before = await tableSnapshot(fx.test.consoDb, 'historical_rates');
    expect(before.length).toBe(4);
    const exported = await exportRates({ kind: 'historical', conso: '202312ACT001', format: 'xlsx' });
    await fx.test.consoDb.db.deleteFrom('historical_rates').execute();
    await run({ kind: 'historical', conso: '202312ACT001', file: exported.files[0]!.location });
    expect(await tableSnapshot(fx.test.consoDb, 'historical_rates')).toEqual(before);
  });

  it.skipIf(skipReason)(
    'replaces only the period and category pairs in the file; merge upserts',
    async () => {
      const before = await tableSnapshot(fx.test.consoDb, 'exchange_rates');
      await writeFile(
        join(fx.store.root, 'fx.csv'),
        'period,category,currency,closing_rate,average_rate\n202312,BUD,USD,0.5,0.6\n',
      );
      await run({ file: 'fx.csv' });
      const bud = await fx.test.consoDb.db
        .selectFrom('categories')
        .select('id')
        .where('code', '=', 'BUD')
        .executeTakeFirstOrThrow();
      const pair = `category_id=${bud.id}|currency=`;
      const inPair = (line: string) =>
        line.startsWith(`period_id=${fx.demo.periodId}|${pair}`) ||
        (line.includes(`|${pair}`) && line.includes(`period_id=${fx.demo.periodId}|`));
      const after = await tableSnapshot(fx.test.consoDb, 'exchange_rates');
      expect(after.filter((line) => !inPair(line))).toEqual(before.filter((line) => !inPair(line)));
      expect(after.filter(inPair)).toHaveLength(1);
      await writeFile(
        join(fx.store.root, 'fx2.csv'),
        'period,category,currency,closing_rate,average_rate\n202312,BUD,USD,0.7,0.6\n202312,BUD,GBP,1.1,1.2\n',
      );
      const merged = await run({ file: 'fx2.csv', mode: 'merge' });
      expect(merged).toMatchObject({ updated: 1, inserted: 1 });
    },
  );

  it.skipIf(skipReason)('rejects unknown currencies, bad rates and duplicates, writing nothing', async () => {
    const before = await tableSnapshot(fx.test.consoDb, 'exchange_rates');
    await writeFile(
      join(fx.store.root, 'badfx.csv'),
      'period,category,currency,closing_rate,average_rate\n202312,ACT,XYZ,1,1\n202312,ACT,USD,0,1\n209912,ACT,USD,1,1\n',
    );
    const error = (await run({ file: 'badfx.csv' }).catch((e: unknown) => e)) as ImportValidationError;
    expect(error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
      [2, 'currency', 'IMPORT_UNKNOWN_CODE'],
      [3, 'closing_rate', 'IMPORT_OUT_OF_RANGE'],
      [4, 'period', 'IMPORT_UNKNOWN_CODE'],
    ]);
    await writeFile(
      join(fx.store.root, 'dupfx.csv'),
      'period,category,currency,closing_rate,average_rate\n202312,ACT,USD,1,1\n202312,ACT,USD,2,2\n',
    );
    const dup = (await run({ file: 'dupfx.csv' }).catch((e: unknown) => e)) as ImportValidationError;
    expect(dup.errorInfo[1]).toMatchObject({ code: 'IMPORT_DUPLICATE_KEY', params: { row: 3, firstRow: 2 } });
    await writeFile(
      join(fx.store.root, 'badhist.csv'),
      'company,account,rate,amount_gc\nUS1,3000,1,5\nUS1,3100,,\n',
    );
    const hist = (await run({ kind: 'historical', conso: '202312ACT001', file: 'badhist.csv' }).catch(
      (e: unknown) => e,
    )) as ImportValidationError;
    expect(hist.errorInfo.slice(1).map((e) => [e.params.row, e.params.column])).toEqual([
      [2, 'rate'],
      [3, 'rate'],
    ]);
    expect(await tableSnapshot(fx.test.consoDb, 'exchange_rates')).toEqual(before);
  });
});
