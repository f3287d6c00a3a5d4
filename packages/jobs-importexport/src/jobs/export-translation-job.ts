import { defineJob, t } from '@hangar/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ExportResult } from '../export/export-result.js';
import { exportSheets } from '../export/export-sheets.js';
import { keysetPages } from '../export/keyset-pages.js';
import { exportFileParams } from '../params/common-params.js';
import type { CellValue } from '../read/source-row.js';
import { consoDbOf } from '../session/job-services.js';
import { TRANSLATION_COLUMNS } from './import-translation-job.js';

const { customer: _customer, ...fileParams } = exportFileParams;

/** Parameters of {@link exportTranslationJob}. */
export const exportTranslationParams = z.object({
  ...fileParams,
  /** Only these languages; all when absent. */
  languages: z.array(z.string().min(2)).optional(),
  /** Only keys starting with this prefix, e.g. `conso.`. */
  keyPrefix: z.string().optional(),
});

/** Exports translations (`key`, `language`, `text`) in the format {@link importTranslationJob} reads. */
export const exportTranslationJob = defineJob<
  z.output<typeof exportTranslationParams>,
  ExportResult,
  z.input<typeof exportTranslationParams>
>({
  type: 'importexport.export-translation',
  description: t('importexport.job.exportTranslation'),
  params: exportTranslationParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const pages = keysetPages((after, limit) => {
        let query = db.selectFrom('translations').selectAll().where('id', '>', after);
        if (params.languages)
          query = query.where('language', 'in', params.languages.length ? params.languages : ['']);
        if (params.keyPrefix) {
          // A literal prefix: LIKE's wildcards escaped, the escape character spelled out (SQLite has none by default).
          const pattern = `${params.keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          query = query.where(sql<boolean>`${sql.ref('key')} like ${pattern} escape ${sql.lit('\\')}`);
        }
        return query.orderBy('id').limit(limit).execute();
      });
      async function* rows(): AsyncGenerator<CellValue[]> {
        for await (const row of pages) yield [row.key, row.language, row.text];
      }
      return exportSheets(services, ctx, {
        fileName: params.fileName ?? `translations.${params.format}`,
        format: params.format,
        csv: params.csv,
        sheets: [{ name: 'translations', header: TRANSLATION_COLUMNS, rows: rows() }],
      });
    },
  }),
});
