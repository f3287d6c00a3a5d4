import { assertMayWriteShared } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ScopeCondition } from '../apply/apply-target.js';
import { importFileParams } from '../params/common-params.js';
import type { ImportResult } from '../session/import-result.js';
import { importTable } from '../session/import-table.js';

/** Columns of a translation file. */
export const TRANSLATION_COLUMNS = ['key', 'language', 'text'] as const;

/** A language tag such as `en`, `fr`, `fr-CA`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/;

const { customer: _customer, ...fileParams } = importFileParams;

/** Parameters of {@link importTranslationJob}. */
export const importTranslationParams = z.object({
  ...fileParams,
  /** Replace mode deletes these languages' texts; the languages in the file when absent. */
  languages: z.array(z.string().regex(LANGUAGE_TAG)).optional(),
});

/** Imports UI and message texts (`key`, `language`, `text`) into the shared translations table. */
export const importTranslationJob = defineJob<
  z.output<typeof importTranslationParams>,
  ImportResult,
  z.input<typeof importTranslationParams>
>({
  type: 'importexport.import-translation',
  description: t('importexport.job.importTranslation'),
  params: importTranslationParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      assertMayWriteShared(ctx.customerId, 'translations');
      const only = params.languages ? new Set(params.languages) : undefined;
      const scope: ScopeCondition = params.languages
        ? { column: 'language', in: params.languages }
        : { column: 'language', inStaged: true };
      return importTable(services, ctx, params, {
        required: TRANSLATION_COLUMNS,
        stagingName: 'tr',
        staging: [
          { name: 'key', type: 'text' },
          { name: 'language', type: 'text' },
          { name: 'text', type: 'text' },
        ],
        parse(fields) {
          const key = fields.text('key');
          if (key.length > 200)
            fields.fail({
              column: 'key',
              problem: 'invalidValue',
              value: key,
              params: { allowed: '≤ 200 characters' },
            });
          const language = fields.text('language');
          if (language !== '' && !LANGUAGE_TAG.test(language)) {
            fields.fail({
              column: 'language',
              problem: 'invalidValue',
              value: language,
              params: { allowed: 'en, fr, fr-CA...' },
            });
          } else if (only && language !== '' && !only.has(language)) {
            fields.fail({ column: 'language', problem: 'outOfScope', value: language });
          }
          const text = fields.text('text');
          return fields.failed ? undefined : [key, language, text];
        },
        unique: { columns: [{ name: 'key' }, { name: 'language' }], column: 'key' },
        target: {
          table: 'translations',
          columns: [{ name: 'key' }, { name: 'language' }, { name: 'text' }],
          key: ['key', 'language'],
          scope: [scope],
        },
      });
    },
  }),
});
