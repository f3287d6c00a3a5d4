import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { bundleSnapshot } from '../testing/bundle-snapshot.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { journalSnapshot, tableSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { importBundleJob } from './import-bundle-job.js';

const backends = await testBackends();

describe.each(backends)('bundle workbook import on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>) =>
    importBundleJob
      .create(fx.services)
      .execute(
        importBundleJob.params.parse({ customer: 'DEMO', company: 'US1', conso: '202312ACT001', ...params }),
        recordingContext(fx.services),
      );
  const snapshot = async () => ({
    bundles: await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId),
    journals: await journalSnapshot(fx.test.consoDb, fx.demo.consoId),
    historical: await tableSnapshot(fx.test.consoDb, 'historical_rates'),
  });

  /** Writes US1's workbook from what the database holds (so an import must give it back). */
  async function writeWorkbook(
    name: string,
    tweak?: (sheets: Record<string, (string | number | null)[][]>) => void,
  ): Promise<void> {
    const us1 = (line: string) => line.startsWith('US1|');
    const before = await snapshot();
    const sheets: Record<string, (string | number | null)[][]> = {
      bundle: [['account', 'partner', 'flow', 'dimension', 'amount']],
      adjustments: [
        [
          'journal',
          'description',
          'currency',
          'account',
          'partner',
          'flow',
          'dimension',
          'amount',
          'created_by',
        ],
      ],
      historical_rates: [['account', 'rate', 'amount_gc']],
    };
    for (const line of before.bundles.filter(us1)) {
      const [, account, partner, flow, dimension, amount] = line.split('|');
      sheets.bundle!.push([account!, partner || null, flow || null, dimension || null, Number(amount)]);
    }
    for (const line of before.journals) {
      const [
        journal,
        description,
        company,
        currency,
        ,
        createdBy,
        account,
        partner,
        flow,
        dimension,
        amount,
      ] = line.split('|');
      if (company === 'US1')
        sheets.adjustments!.push([
          journal!,
          description!,
          currency!,
          account!,
          partner || null,
          flow || null,
          dimension || null,
          Number(amount),
          createdBy || null,
        ]);
    }
    const rows = await fx.test.consoDb.db
      .selectFrom('historical_rates as h')
      .innerJoin('companies as c', 'c.id', 'h.company_id')
      .innerJoin('accounts as a', 'a.id', 'h.account_id')
      .select(['a.code', 'h.rate', 'h.amount_gc'])
      .where('c.code', '=', 'US1')
      .execute();
    for (const r of rows)
      sheets.historical_rates!.push([
        r.code,
        r.rate === null ? null : Number(r.rate),
        r.amount_gc === null ? null : Number(r.amount_gc),
      ]);
    tweak?.(sheets);
    const workbook = new ExcelJS.Workbook();
    for (const [sheet, lines] of Object.entries(sheets)) workbook.addWorksheet(sheet).addRows(lines);
    await workbook.xlsx.writeFile(join(fx.store.root, name));
  }

  it.skipIf(skipReason)(
    "replaces one company's bundle, journals and historical rates from its workbook",
    async () => {
      await writeWorkbook('us1.xlsx');
      const before = await snapshot();
      const db = fx.test.consoDb.db;
      const us1 = (
        await db.selectFrom('companies').select('id').where('code', '=', 'US1').executeTakeFirstOrThrow()
      ).id;
      await db.deleteFrom('bundles').where('company_id', '=', us1).execute();
      await db.deleteFrom('historical_rates').where('company_id', '=', us1).execute();
      const result = await run({ file: 'us1.xlsx' });
      expect(result.inserted).toBeGreaterThan(10);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.skipIf(skipReason)(
    'validates the workbook as a whole: one bad journal keeps every sheet out',
    async () => {
      const before = await snapshot();
      await writeWorkbook('us1-bad.xlsx', (sheets) => {
        sheets.bundle!.push(['1000', null, 'F20', 'NEW', 5], ['1200', null, 'F20', 'NEW', -5]);
        sheets.adjustments!.push(['ADJ777', 'Oops', 'local', '6400', null, null, null, 10, null]);
        sheets.historical_rates!.push(['9999', 1, null]);
      });
      const error = (await run({ file: 'us1-bad.xlsx' }).catch((e: unknown) => e)) as ImportValidationError;
      expect(
        error.errorInfo.slice(1).map((e) => [e.params.sheet, e.params.row, e.params.column, e.code]),
      ).toEqual(expect.arrayContaining([['historical_rates', 4, 'account', 'IMPORT_UNKNOWN_CODE']]));
      expect(await snapshot()).toEqual(before);
      await writeWorkbook('us1-unbalanced.xlsx', (sheets) => {
        sheets.adjustments!.push(['ADJ777', 'Oops', 'local', '6400', null, null, null, 10, null]);
      });
      const unbalanced = (await run({ file: 'us1-unbalanced.xlsx' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      expect(unbalanced.errorInfo.slice(1).map((e) => [e.params.sheet, e.code, e.params.group])).toEqual([
        ['adjustments', 'IMPORT_UNBALANCED', 'ADJ777'],
      ]);
      expect(await snapshot()).toEqual(before);
    },
  );
});
