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
