import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Translator } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { otherJobs } from '../plugin/other-jobs.js';
import { BUILT_IN_TEMPLATES } from '../plugin/other-jobs-options.js';
import { CHECK_KINDS } from '../validation/validation-types.js';
import { otherMessages } from './other-messages.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every key the pack can emit: the literal keys in its sources plus the ones built from names. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const types = new Set(otherJobs.map((job) => job.type));
  for (const file of sources(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['`](other\.[A-Za-z.]+)['`]/g)) {
      if (!match[1]!.endsWith('.') && !types.has(match[1]!)) keys.add(match[1]!);
    }
  }
  for (const status of ['refused', 'failed']) keys.add(`other.warning.recipient.${status}`);
  for (const kind of CHECK_KINDS) keys.add(`other.report.kind.${kind}`);
  for (const key of ['conso', 'period', 'category', 'companies', 'checks', 'failures', 'blockingFailures'])
    keys.add(`other.report.summary.${key}`);
  for (const key of ['rule', 'name', 'kind', 'checks', 'failures', 'blocking', 'company', 'partner'])
    keys.add(`other.report.col.${key}`);
  for (const key of ['expected', 'actual', 'difference', 'note']) keys.add(`other.report.col.${key}`);
  for (const key of ['sheet.summary', 'sheet.failures', 'yes', 'no']) keys.add(`other.report.${key}`);
  for (const template of Object.values(BUILT_IN_TEMPLATES)) {
    for (const key of [template.subject, template.text, template.html]) if (key) keys.add(key);
  }
  return keys;
}

describe('message catalogs', () => {
  it('has every key the jobs emit in English and French, and nothing else', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    for (const lang of ['en', 'fr']) {
      const catalog = otherMessages[lang]!;
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
    for (const job of otherJobs) expect(otherMessages.en![job.description!.key], job.type).toBeDefined();
  });

  it('uses the same placeholders in both languages and renders nested keys', () => {
    for (const [key, text] of Object.entries(otherMessages.en!)) {
      const names = (s: string) => [...s.matchAll(/\{(@?\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(otherMessages.fr![key]!), key).toEqual(names(text));
    }
    const translator = new Translator().register(otherMessages);
    expect(
      translator.render(
        {
          key: 'other.progress.validationChecked',
          params: { kind: 'other.report.kind.intercompany', checks: 4, failures: 1 },
        },
        'fr',
      ),
    ).toBe('Intragroupe : 4 contrôles, 1 anomalies');
  });
});
