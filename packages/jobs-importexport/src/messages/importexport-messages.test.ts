import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Translator } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../errors/file-problems.js';
import { importExportJobs } from '../plugin/import-export-jobs.js';
import { ROW_PROBLEM_CODES } from '../validate/row-error.js';
import { importExportMessages } from './importexport-messages.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every key the package can emit: the literal keys in its sources plus the ones built from problem names. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['`](importexport\.[A-Za-z.]+)['`]/g)) {
      if (!match[1]!.endsWith('.')) keys.add(match[1]!);
    }
  }
  for (const problem of Object.keys(ROW_PROBLEM_CODES)) keys.add(`importexport.row.${problem}`);
  for (const problem of FILE_PROBLEMS) keys.add(`importexport.error.file.${problem}`);
  return keys;
}

describe('message catalogs', () => {
  it('has every key the jobs emit in English and French, and nothing else', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    for (const lang of ['en', 'fr']) {
      const catalog = importExportMessages[lang]!;
      expect(
        [...used].filter((key) => !(key in catalog)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        Object.keys(catalog).filter((key) => !used.has(key)),
        `unused in ${lang}`,
      ).toEqual([]);
    }
  });

  it('gives every job a description in the catalogs', () => {
    for (const job of importExportJobs)
      expect(importExportMessages.en![job.description!.key], job.type).toBeDefined();
  });

  it('renders the same placeholders in both languages', () => {
    const translator = new Translator().register(importExportMessages);
    for (const [key, text] of Object.entries(importExportMessages.en!)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(importExportMessages.fr![key]!), key).toEqual(names(text));
    }
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
