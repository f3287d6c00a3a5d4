import { fileURLToPath } from 'node:url';
import { Translator } from '@hangar/core';
import { messageCatalogProblems } from '@hangar/core/testing';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../errors/file-problems.js';
import { importExportJobs } from '../plugin/import-export-jobs.js';
import { ROW_PROBLEM_CODES } from '../validate/row-error.js';
import { importExportMessages } from './importexport-messages.js';

describe('message catalogs', () => {
  it('has every key the jobs emit in English and French, and nothing else', () => {
    const problems = messageCatalogProblems({
      sourcesDir: fileURLToPath(new URL('..', import.meta.url)),
      prefix: 'importexport',
      catalogs: importExportMessages,
      builtKeys: [
        ...Object.keys(ROW_PROBLEM_CODES).map((problem) => `importexport.row.${problem}`),
        ...FILE_PROBLEMS.map((problem) => `importexport.error.file.${problem}`),
      ],
    });
    expect(problems.emitted).toBeGreaterThan(40);
    expect(problems).toMatchObject({ missing: [], unused: [], placeholders: [] });
  });

  it('gives every job a description in the catalogs', () => {
    for (const job of importExportJobs)
      expect(importExportMessages.en![job.description!.key], job.type).toBeDefined();
  });

  it('renders in French', () => {
    const translator = new Translator().register(importExportMessages);
    expect(
      translator.render(
        {
          key: 'importexport.row.notNumeric',
          params: { file: 'a.csv', row: 3, column: 'amount', value: 'x' },
        },
        'fr',
      ),
    ).toBe('a.csv ligne 3, colonne amount : « x » n’est pas un nombre'.replace('’', "'"));
  });
});
