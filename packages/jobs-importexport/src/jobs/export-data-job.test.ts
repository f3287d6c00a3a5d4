import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportDataJob } from './export-data-job.js';

const backends = await testBackends();

describe.each(backends)('data export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>) => {
    const ctx = recordingContext(fx.services);
    return exportDataJob
      .create(fx.services)
      .execute(
        exportDataJob.params.parse({ customer: 'DEMO', period: '202312', category: 'ACT', ...params }),
        ctx,
      )
      .then((result) => ({ result, ctx }));
  };

  it.skipIf(skipReason)(
    'writes semicolons, decimal commas, latin1 and a BOM when asked, and declares the output file',
    async () => {
      const { result, ctx } = await run({
        companies: ['US1'],
        csv: { delimiter: ';', decimalComma: true, bom: true },
        fileName: 'us1.csv',
      });
      const bytes = await readFile(fx.store.pathOf(result.files[0]!.location));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trim().split('\n');
      expect(lines[0]).toBe('company;account;partner;flow;dimension;amount');
      expect(lines.slice(1).every((line) => line.startsWith('US1;'))).toBe(true);
      expect(ctx.outputFiles).toEqual([
        { name: 'us1.csv', size: bytes.length, mediaType: 'text/csv', location: result.files[0]!.location },
      ]);
      expect(ctx.messages.at(-1)?.message.key).toBe('importexport.progress.exportDone');

      await fx.test.consoDb.db
        .updateTable('bundles')
        .set({ dimension: 'Région' })
        .where('amount', '>', 0)
        .execute();
      const latin = await run({
        companies: ['US1'],
        csv: { encoding: 'latin1', decimalComma: true, delimiter: ';' },
      });
      const raw = await readFile(fx.store.pathOf(latin.result.files[0]!.location));
      expect(raw.includes(Buffer.from('Région', 'latin1'))).toBe(true);
      expect(raw.toString('latin1')).toMatch(/;-?\d+,\d+\n|;-?\d+\n/);
    },
  );

  it.skipIf(skipReason)('fails on an unknown scope before writing any file', async () => {
    await expect(run({ period: '209901' })).rejects.toMatchObject({
      code: 'SCOPE_NOT_FOUND',
      params: { kind: 'period' },
    });
    await expect(run({ companies: ['NOPE'] })).rejects.toMatchObject({
      params: { kind: 'company', param: 'companies.0', value: 'NOPE' },
    });
  });
});
