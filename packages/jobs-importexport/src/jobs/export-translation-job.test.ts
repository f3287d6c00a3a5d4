import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportTranslationJob } from './export-translation-job.js';

const backends = await testBackends();

describe.each(backends)('translation export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    await fx.test.consoDb.db
      .insertInto('translations')
      .values([
        { key: 'conso.a', language: 'en', text: 'A' },
        { key: 'conso.a', language: 'fr', text: 'À' },
        { key: 'ui_b', language: 'en', text: 'B' },
        { key: 'uixb', language: 'en', text: 'X' },
      ])
      .execute();
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });

  it.skipIf(skipReason)(
    'filters by language and by key prefix (a literal prefix: _ and % are not wildcards)',
    async () => {
      const run = async (params: Record<string, unknown>) => {
        const result = await exportTranslationJob
          .create(fx.services)
          .execute(exportTranslationJob.params.parse(params), recordingContext(fx.services));
        return (await readFile(fx.store.pathOf(result.files[0]!.location), 'utf8'))
          .trim()
          .split('\n')
          .slice(1);
      };
      expect(await run({ languages: ['fr'] })).toEqual(['conso.a,fr,À']);
      expect(await run({ keyPrefix: 'conso.' })).toEqual(['conso.a,en,A', 'conso.a,fr,À']);
      expect(await run({ keyPrefix: 'ui_' })).toEqual(['ui_b,en,B']);
    },
  );
});
