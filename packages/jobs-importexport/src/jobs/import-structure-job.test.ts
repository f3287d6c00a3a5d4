import { join } from 'node:path';
import { consoDbToken } from '@hangar/conso-db';
import { mapServiceResolver } from '@hangar/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { fileStoreToken } from '../files/file-store.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { structureSnapshot } from '../testing/structure-snapshot.js';
import { recordingContext } from '../testing/test-context.js';
import { openTestDb, testBackends } from '../testing/test-databases.js';
import { exportStructureJob } from './export-structure-job.js';
import { importStructureJob } from './import-structure-job.js';

const backends = await testBackends();

describe.each(backends)('structure import and export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>, services = fx.services) =>
    importStructureJob
      .create(services)
      .execute(importStructureJob.params.parse({ customer: 'DEMO', ...params }), recordingContext(services));
  const exportStructure = (params: Record<string, unknown>) =>
    exportStructureJob
      .create(fx.services)
      .execute(
        exportStructureJob.params.parse({ customer: 'DEMO', ...params }),
        recordingContext(fx.services),
      );

  it.skipIf(skipReason)(
    'round-trips names, the account hierarchy, holdings and IC rules in place',
    async () => {
      const before = await structureSnapshot(fx.test.consoDb, 'DEMO', '202312ACT001');
      expect(before.icRules!.length).toBeGreaterThan(0);
      expect(before.holdings!.length).toBe(4);
      expect(before.accounts!.some((line) => line.split('|')[5] !== '')).toBe(true);
      const exported = await exportStructure({ conso: '202312ACT001' });
      const db = fx.test.consoDb.db;
      await db.updateTable('companies').set({ name: 'renamed' }).execute();
      await db.updateTable('accounts').set({ name: 'renamed', parent_id: null }).execute();
      await db.deleteFrom('holdings').execute();
      await db.deleteFrom('ic_rule_accounts').execute();
      await db.deleteFrom('ic_rules').execute();
      await run({ file: exported.files[0]!.location, conso: '202312ACT001', mode: 'replace' });
      expect(await structureSnapshot(fx.test.consoDb, 'DEMO', '202312ACT001')).toEqual(before);
    },
  );

  it.skipIf(skipReason)('creates the whole structure in an empty database', async () => {
    const exported = await exportStructure({});
    const target = await openTestDb(kind);
    try {
      const db = target.consoDb.db;
      await db
        .insertInto('currencies')
        .values(['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN'].map((code) => ({ code, name: code, decimals: 2 })))
        .execute();
      await db
        .insertInto('customers')
        .values({
          code: 'DEMO',
          name: 'Demo',
          reference_currency: 'EUR',
          created_at: '2024-01-01T00:00:00.000Z',
        })
        .execute();
      const services = mapServiceResolver([
        [consoDbToken, target.consoDb],
        [fileStoreToken, fx.store],
      ]);
      await run({ file: exported.files[0]!.location }, services);
      const { holdings: _, ...expected } = await structureSnapshot(fx.test.consoDb, 'DEMO');
      expect(await structureSnapshot(target.consoDb, 'DEMO')).toEqual(expected);
    } finally {
      await target.cleanup();
    }
  });

  it.skipIf(skipReason)(
    'reports bad rows on every sheet, cross-sheet references and loops, and writes nothing',
    async () => {
      const before = await structureSnapshot(fx.test.consoDb, 'DEMO', '202312ACT001');
      const workbook = new ExcelJS.Workbook();
      const sheet = (name: string, rows: (string | number | null)[][]) => {
        const ws = workbook.addWorksheet(name);
        for (const row of rows) ws.addRow(row);
      };
      sheet('holdings', [
        ['holder', 'held', 'financial_pct', 'voting_pct'],
        ['HOLD', 'NEWCO', 0.5, 0.5],
        ['HOLD', 'GHOST', 1.5, 0.5],
      ]);
      sheet('companies', [
        ['code', 'name', 'currency', 'country'],
        ['NEWCO', 'New company', 'EUR', 'FR'],
        ['BADCO', 'Bad currency', 'XXX', null],
      ]);
      sheet('accounts', [
        ['code', 'name', 'type', 'rate_type', 'role', 'parent', 'is_summary'],
        ['L1', 'Loop one', 'BS', 'CC', null, 'L2', 1],
        ['L2', 'Loop two', 'BS', 'CC', null, 'L1', 1],
        ['X1', 'Bad type', 'ZZ', 'CC', null, 'NOPE', 0],
      ]);
      const path = join(fx.store.root, 'bad-structure.xlsx');
      await workbook.xlsx.writeFile(path);
      const error = (await run({ file: 'bad-structure.xlsx', conso: '202312ACT001' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      const found = error.errorInfo
        .slice(1)
        .map((e) => [e.params.sheet, e.params.row, e.params.column, e.code]);
      expect(found).toEqual(
        expect.arrayContaining([
          ['holdings', 3, 'financial_pct', 'IMPORT_OUT_OF_RANGE'],
          ['companies', 3, 'currency', 'IMPORT_UNKNOWN_CODE'],
          ['accounts', 4, 'type', 'IMPORT_INVALID_VALUE'],
          ['holdings', 3, 'held', 'IMPORT_UNKNOWN_CODE'],
          ['accounts', 4, 'parent', 'IMPORT_UNKNOWN_CODE'],
          ['accounts', 2, 'parent', 'IMPORT_HIERARCHY_CYCLE'],
          ['accounts', 3, 'parent', 'IMPORT_HIERARCHY_CYCLE'],
        ]),
      );
      expect(found).toHaveLength(7);
      expect(await structureSnapshot(fx.test.consoDb, 'DEMO', '202312ACT001')).toEqual(before);
    },
  );
});
