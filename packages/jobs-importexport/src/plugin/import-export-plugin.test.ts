import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoDbToken } from '@hangar/conso-db';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { ImportExportPlugin, importExportPlugin } from '../index.js';
import { bundleSnapshot } from '../testing/bundle-snapshot.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { testBackends } from '../testing/test-databases.js';

const backends = await testBackends();

describe.each(backends)('the plugin in a real runner on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const start = () =>
    createRunner({
      queue: new MemoryQueue(),
      plugins: [new ImportExportPlugin({ fileStore: fx.store })],
      services: [{ token: consoDbToken, value: fx.test.consoDb }],
    }).start();
  const snapshot = () => bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId);

  it('is the default export and can be built by plain construction', () => {
    expect(plugin).toBe(importExportPlugin);
    expect(new ImportExportPlugin().jobs.map((job) => job.type)).toContain('importexport.import-data');
  });

  it.skipIf(skipReason)(
    'exports to an output file, then a bad import fails with row errors on the job',
    async () => {
      const runner = await start();
      try {
        const before = await snapshot();
        const { id } = await runner.client.enqueue('importexport.export-data', {
          customer: 'DEMO',
          period: '202312',
          category: 'ACT',
        });
        const exported = await runner.client.waitFor(id);
        expect(exported.state).toBe('Succeeded');
        expect(exported.result?.outputFiles?.[0]).toMatchObject({
          name: 'data-202312-ACT.csv',
          mediaType: 'text/csv',
        });
        await writeFile(join(fx.store.root, 'bad.csv'), 'company,account,amount\nFR1,1000,1\nFR1,NOPE,x\n');
        const bad = await runner.client.enqueue('importexport.import-data', {
          customer: 'DEMO',
          period: '202312',
          category: 'ACT',
          file: 'bad.csv',
        });
        const failed = await runner.client.waitFor(bad.id);
        expect(failed.state).toBe('Failed');
        expect(failed.errorInfo?.map((e) => [e.code, e.params.row ?? null, e.params.column ?? null])).toEqual(
          [
            ['IMPORT_VALIDATION_FAILED', null, null],
            ['IMPORT_UNKNOWN_CODE', 3, 'account'],
            ['IMPORT_NOT_NUMERIC', 3, 'amount'],
          ],
        );
        const message = runner.registry.translator.render(
          { key: failed.errorInfo![1]!.key, params: failed.errorInfo![1]!.params },
          'fr',
        );
        expect(message).toBe('bad.csv ligne 3, colonne account : account « NOPE » inconnu(e)');
        expect(await snapshot()).toEqual(before);
      } finally {
        await runner.stop();
      }
    },
  );

  it.skipIf(skipReason)(
    'imports a group file and exports its cube and report pack through the runner',
    async () => {
      const group = {
        group_currency: 'EUR',
        parent: 'P',
        accounts: {
          CASH: { type: 'BS', rate: 'CC' },
          SC: { type: 'EQ', rate: 'HC' },
          REV: { type: 'PL', rate: 'AC' },
        },
        companies: { P: { currency: 'EUR', method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 } },
        bundles: {
          P: [
            { account: 'CASH', amount: 150 },
            { account: 'SC', amount: -100 },
            { account: 'REV', amount: -50 },
          ],
        },
      };
      await writeFile(join(fx.store.root, 'group.json'), JSON.stringify(group));
      const runner = await start();
      try {
        const imported = await runner.client.waitFor(
          (
            await runner.client.enqueue('importexport.import-group-file', {
              customer: 'RUNNER',
              file: 'group.json',
            })
          ).id,
        );
        expect(imported.state).toBe('Succeeded');
        expect(imported.result?.result).toMatchObject({ conso: '202312ACT001', written: { bundles: 3 } });
        const cube = await runner.client.waitFor(
          (
            await runner.client.enqueue('importexport.export-cube', {
              customer: 'RUNNER',
              conso: '202312ACT001',
              source: 'bundles',
            })
          ).id,
        );
        expect(cube.state).toBe('Succeeded');
        expect(cube.result?.outputFiles?.map((f) => f.name)).toContain('cube-202312ACT001-fact.parquet');
        expect(cube.result?.outputFiles).toHaveLength(8);
        const pack = await runner.client.waitFor(
          (
            await runner.client.enqueue('importexport.export-reporting-solutions', {
              customer: 'RUNNER',
              conso: '202312ACT001',
            })
          ).id,
        );
        expect(pack.result?.outputFiles?.[0]?.mediaType).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        const bad = await runner.client.waitFor(
          (
            await runner.client.enqueue('importexport.import-group-file', {
              customer: 'RUNNER',
              file: 'missing.json',
            })
          ).id,
        );
        expect(bad.state).toBe('Failed');
        expect(bad.errorInfo?.[0]).toMatchObject({ code: 'IMPORTEXPORT_BAD_FILE' });
      } finally {
        await runner.stop();
      }
    },
  );

  it.skipIf(skipReason)('cancelling a running import ends it Cancelled with nothing written', async () => {
    const lines = ['company,account,flow,dimension,amount'];
    for (let i = 0; i < 20_000; i++) lines.push(`US1,1000,F20,C${i},2`, `US1,1200,F20,C${i},-2`);
    await writeFile(join(fx.store.root, 'cancel.csv'), `${lines.join('\n')}\n`);
    const before = await snapshot();
    const runner = await start();
    try {
      const { id } = await runner.client.enqueue('importexport.import-data', {
        customer: 'DEMO',
        period: '202312',
        category: 'ACT',
        file: 'cancel.csv',
        mode: 'merge',
      });
      for (let i = 0; i < 400; i++) {
        const log = await runner.client.getLog(id);
        if (log.some((entry) => entry.message.key === 'importexport.progress.rows')) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await runner.client.cancel(id);
      const job = await runner.client.waitFor(id);
      expect(job.state).toBe('Cancelled');
      expect(await snapshot()).toEqual(before);
    } finally {
      await runner.stop();
    }
  });
});
