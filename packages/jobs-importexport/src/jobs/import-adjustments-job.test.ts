import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { journalSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportAdjustmentsJob } from './export-adjustments-job.js';
import { importAdjustmentsJob } from './import-adjustments-job.js';

const backends = await testBackends();

describe.each(backends)('adjustments import and export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const base = { customer: 'DEMO', conso: '202312ACT001' };
  const run = (params: Record<string, unknown>) =>
    importAdjustmentsJob
      .create(fx.services)
      .execute(importAdjustmentsJob.params.parse({ ...base, ...params }), recordingContext(fx.services));
  const exportJournals = (params: Record<string, unknown>) =>
    exportAdjustmentsJob
      .create(fx.services)
      .execute(exportAdjustmentsJob.params.parse({ ...base, ...params }), recordingContext(fx.services));
  const snapshot = () => journalSnapshot(fx.test.consoDb, fx.demo.consoId);
  const wipe = async () => {
    const db = fx.test.consoDb.db;
    const ids = db.selectFrom('adjustment_journals').select('id').where('conso_id', '=', fx.demo.consoId);
    await db.deleteFrom('adjustment_lines').where('journal_id', 'in', ids).execute();
    await db.deleteFrom('adjustment_journals').where('conso_id', '=', fx.demo.consoId).execute();
  };

  for (const format of ['csv', 'xlsx'] as const) {
    it.skipIf(skipReason)(`round-trips the conso's journals through ${format}`, async () => {
      const before = await snapshot();
      expect(before.length).toBeGreaterThanOrEqual(7);
      const exported = await exportJournals({ format });
      await wipe();
      expect(await snapshot()).toEqual([]);
      const result = await run({ file: exported.files[0]!.location });
      expect(result.inserted).toBe(before.length);
      expect(await snapshot()).toEqual(before);
    });
  }

  it.skipIf(skipReason)('merges a journal by code, keeping the others', async () => {
    await writeFile(
      join(fx.store.root, 'adj.csv'),
      'journal,description,company,currency,account,flow,amount\nADJ002,Lease,HOLD,group,2300,F20,10\nADJ002,Lease,HOLD,group,4200,F20,-10\nADJ900,New,FR1,local,6400,,5\nADJ900,New,FR1,local,4000,F20,-5\n',
    );
    await run({ file: 'adj.csv', mode: 'merge' });
    const after = await snapshot();
    expect(after.filter((line) => line.startsWith('ADJ002|'))).toHaveLength(2);
    expect(after.filter((line) => line.startsWith('ADJ900|'))).toHaveLength(2);
    expect(after.filter((line) => line.startsWith('ADJ001|'))).toHaveLength(2);
  });

  it.skipIf(skipReason)('rejects unbalanced and inconsistent journals and writes nothing', async () => {
    const before = await snapshot();
    await writeFile(
      join(fx.store.root, 'bad-adj.csv'),
      'journal,description,company,currency,account,amount\nJ1,A,FR1,local,6400,10\nJ1,A,US1,local,4000,-10\nJ2,B,FR1,group,6400,10\nJ2,B,FR1,group,4000,-9\nJ3,C,FR1,euros,6400,1\n',
    );
    const error = (await run({ file: 'bad-adj.csv' }).catch((e: unknown) => e)) as ImportValidationError;
    expect(error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
      [3, 'company', 'IMPORT_INCONSISTENT'],
      [6, 'currency', 'IMPORT_INVALID_VALUE'],
    ]);
    await writeFile(
      join(fx.store.root, 'unbalanced-adj.csv'),
      'journal,description,company,currency,account,amount\nJ2,B,FR1,group,6400,10\nJ2,B,FR1,group,4000,-9\n',
    );
    const unbalanced = (await run({ file: 'unbalanced-adj.csv' }).catch(
      (e: unknown) => e,
    )) as ImportValidationError;
    expect(unbalanced.errorInfo.slice(1).map((e) => [e.params.row, e.code, e.params.group])).toEqual([
      [2, 'IMPORT_UNBALANCED', 'J2'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)(
    'refuses a dimension longer than the database keeps, naming row and column',
    async () => {
      const before = await snapshot();
      const long = 'D'.repeat(51);
      await writeFile(
        join(fx.store.root, 'long-dimension.csv'),
        `journal,description,company,currency,account,dimension,amount\nJ4,D,FR1,local,6400,${'D'.repeat(50)},1\nJ4,D,FR1,local,4000,${long},-1\n`,
      );
      const error = (await run({ file: 'long-dimension.csv' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      expect(
        error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code, e.params.value]),
      ).toEqual([[3, 'dimension', 'IMPORT_INVALID_VALUE', long]]);
      expect(await snapshot()).toEqual(before);
    },
  );
});
