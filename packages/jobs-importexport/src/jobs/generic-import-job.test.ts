import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { saveMappingProfile } from '../mapping/mapping-profile.js';
import { bundleSnapshot } from '../testing/bundle-snapshot.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { tableSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { genericExportJob } from './generic-export-job.js';
import { genericImportJob } from './generic-import-job.js';

const backends = await testBackends();

describe.each(backends)('generic mapped import and export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    const { db } = fx.test.consoDb;
    await saveMappingProfile(db, fx.demo.customerId, {
      code: 'ERP_GL',
      name: 'ERP general ledger, credit positive',
      targetTable: 'bundles',
      fileFormat: 'csv',
      options: { csv: { delimiter: ';' } },
      mappings: [
        { target: 'company_id', source: 'Société' },
        { target: 'account_id', source: 'Compte' },
        { target: 'partner_company_id', source: 'Partenaire' },
        { target: 'flow_id', source: 'Flux' },
        { target: 'dimension', source: 'Axe' },
        { target: 'amount', source: 'Montant', flipSign: true, numberFormat: { decimal: ',' } },
        { target: 'period_id', constant: '202312' },
        { target: 'category_id', constant: 'ACT' },
      ],
    });
    await saveMappingProfile(db, fx.demo.customerId, {
      code: 'PERIODS',
      name: 'Periods with French dates',
      targetTable: 'periods',
      fileFormat: 'xlsx',
      mappings: [
        { target: 'code', source: 'Code' },
        { target: 'year', source: 'Year' },
        { target: 'month', source: 'Month' },
        { target: 'start_date', source: 'Start', dateFormat: 'DD/MM/YYYY' },
        { target: 'end_date', source: 'End', dateFormat: 'DD/MM/YYYY' },
      ],
    });
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const ctx = () => recordingContext(fx.services);
  const run = (params: Record<string, unknown>) =>
    genericImportJob
      .create(fx.services)
      .execute(genericImportJob.params.parse({ customer: 'DEMO', ...params }), ctx());
  const exportWith = (params: Record<string, unknown>) =>
    genericExportJob
      .create(fx.services)
      .execute(genericExportJob.params.parse({ customer: 'DEMO', ...params }), ctx());

  it.skipIf(skipReason)(
    'round-trips bundles through a renamed, sign-flipped, decimal-comma layout',
    async () => {
      const before = await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId);
      const exported = await exportWith({ profile: 'ERP_GL' });
      const text = await readFile(fx.store.pathOf(exported.files[0]!.location), 'utf8');
      expect(text.split('\n')[0]).toBe('Société;Compte;Partenaire;Flux;Axe;Montant');
      expect(text).toMatch(/;-?\d+(,\d+)?\n/);
      await fx.test.consoDb.db.deleteFrom('bundles').where('period_id', '=', fx.demo.periodId).execute();
      const result = await run({ profile: 'ERP_GL', file: exported.files[0]!.location, mode: 'replace' });
      expect(result.inserted).toBe(before.length);
      expect(await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId)).toEqual(before);
    },
  );

  it.skipIf(skipReason)('round-trips periods through XLSX with DD/MM/YYYY dates', async () => {
    const before = await tableSnapshot(fx.test.consoDb, 'periods');
    const exported = await exportWith({ profile: 'PERIODS' });
    await fx.test.consoDb.db.updateTable('periods').set({ start_date: '1999-01-01' }).execute();
    await run({ profile: 'PERIODS', file: exported.files[0]!.location });
    expect(await tableSnapshot(fx.test.consoDb, 'periods')).toEqual(before);
  });

  it.skipIf(skipReason)(
    'reports lookups, numbers and dates by source column, and writes nothing',
    async () => {
      const before = await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId);
      await writeFile(
        join(fx.store.root, 'gl.csv'),
        'Société;Compte;Montant\nFR1;1000;12,5\nZZZ;1000;1\nFR1;1000;1.5\n',
      );
      const error = (await run({ profile: 'ERP_GL', file: 'gl.csv' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      expect(error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
        [3, 'société', 'IMPORT_UNKNOWN_CODE'],
        [4, 'montant', 'IMPORT_NOT_NUMERIC'],
      ]);
      expect(await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId)).toEqual(before);
    },
  );

  it.skipIf(skipReason)('refuses profiles on tables or columns outside the allow-list', async () => {
    const { db } = fx.test.consoDb;
    const save = (targetTable: string, target: string) =>
      saveMappingProfile(db, fx.demo.customerId, {
        code: 'BAD',
        name: 'bad',
        targetTable,
        fileFormat: 'csv',
        mappings: [{ target, source: 'x' }],
      });
    await expect(save('users', 'login')).rejects.toMatchObject({ code: 'IMPORTEXPORT_BAD_PROFILE' });
    await expect(save('translations', 'password')).rejects.toMatchObject({
      code: 'IMPORTEXPORT_BAD_PROFILE',
    });
    await expect(run({ profile: 'NOPE', file: 'gl.csv' })).rejects.toMatchObject({
      code: 'SCOPE_NOT_FOUND',
    });
  });
});
