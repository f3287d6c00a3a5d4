import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { tableSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportTranslationJob } from './export-translation-job.js';
import { importTranslationJob } from './import-translation-job.js';

const backends = await testBackends();

describe.each(backends)('translations on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>) =>
    importTranslationJob
      .create(fx.services)
      .execute(importTranslationJob.params.parse(params), recordingContext(fx.services));
  const exportTexts = (params: Record<string, unknown>) =>
    exportTranslationJob
      .create(fx.services)
      .execute(exportTranslationJob.params.parse(params), recordingContext(fx.services));

  it.skipIf(skipReason)(
    'imports, exports and re-imports the same texts (quotes, commas, newlines, accents)',
    async () => {
      await writeFile(
        join(fx.store.root, 'texts.csv'),
        'key,language,text\nui.save,en,Save\nui.save,fr,Enregistrer\nui.quote,en,"Say ""hi"", then\nleave"\nui.quote,fr,Élan à côté\n',
      );
      const first = await run({ file: 'texts.csv' });
      expect(first.inserted).toBe(4);
      const before = await tableSnapshot(fx.test.consoDb, 'translations');
      for (const format of ['csv', 'xlsx'] as const) {
        const exported = await exportTexts({ format });
        await fx.test.consoDb.db.deleteFrom('translations').execute();
        await run({ file: exported.files[0]!.location });
        expect(await tableSnapshot(fx.test.consoDb, 'translations')).toEqual(before);
      }
    },
  );

  it.skipIf(skipReason)(
    'replaces only the languages in the file, and rejects bad tags and duplicates',
    async () => {
      await writeFile(join(fx.store.root, 'fr.csv'), 'key,language,text\nui.save,fr,Sauver\n');
      await run({ file: 'fr.csv' });
      const rows = await tableSnapshot(fx.test.consoDb, 'translations');
      expect(rows.filter((line) => line.includes('language=fr'))).toEqual([
        'key=ui.save|language=fr|text=Sauver',
      ]);
      expect(rows.filter((line) => line.includes('language=en'))).toHaveLength(2);
      await writeFile(
        join(fx.store.root, 'bad-tr.csv'),
        'key,language,text\nk,english,x\nk,en,\nk2,en,a\nk2,en,b\n',
      );
      const error = (await run({ file: 'bad-tr.csv' }).catch((e: unknown) => e)) as ImportValidationError;
      expect(error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
        [2, 'language', 'IMPORT_INVALID_VALUE'],
        [3, 'text', 'IMPORT_VALUE_REQUIRED'],
      ]);
      expect(await tableSnapshot(fx.test.consoDb, 'translations')).toEqual(rows);
    },
  );
});
