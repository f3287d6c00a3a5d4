import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { consoDbMessages } from '@hangar/conso-db';
import { coreMessages, type MessageCatalogs } from '@hangar/core';
import { consoMessages } from '@hangar/jobs-database';
import { importExportMessages } from '@hangar/jobs-importexport';
import { otherMessages } from '@hangar/jobs-other';
import { utilsMessages } from '@hangar/jobs-utils';
import { cliMessages } from '@hangar/runner/cli';
import { dashboardMessages, httpMessages } from '@hangar/runner/http';
import { describe, expect, it } from 'vitest';

const catalogs: Record<string, MessageCatalogs> = {
  core: coreMessages,
  http: httpMessages,
  dashboard: dashboardMessages,
  cli: cliMessages,
  'conso-db': consoDbMessages,
  'jobs-database': consoMessages,
  'jobs-importexport': importExportMessages,
  'jobs-utils': utilsMessages,
  'jobs-other': otherMessages,
};

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    // Test fixtures and harnesses emit made-up keys on purpose.
    const testOnly =
      path.endsWith('.test.ts') ||
      path.includes('/testing/') ||
      /\/test-[\w-]+\.ts$|harness|test-support/.test(path);
    return path.endsWith('.ts') && !testOnly ? [path] : [];
  });
}

// Keys emitted by code: `t('key'…)` calls and the key argument of Hangar error constructors.
const KEY_PATTERNS = [
  /\bt\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
  /super\(\s*'[A-Z][A-Z0-9_]*',\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
];

describe('message catalogs', () => {
  it('has every key of every catalog in English and in French', () => {
    const missing: string[] = [];
    for (const [name, catalog] of Object.entries(catalogs)) {
      const en = Object.keys(catalog.en ?? {});
      const fr = new Set(Object.keys(catalog.fr ?? {}));
      expect(en.length, `${name} has no English messages`).toBeGreaterThan(0);
      for (const key of en) if (!fr.has(key)) missing.push(`${name}: ${key} (fr)`);
      for (const key of fr) if (!(key in (catalog.en ?? {}))) missing.push(`${name}: ${key} (en)`);
    }
    expect(missing, 'keys missing from a language').toEqual([]);
  });

  it('has a message for every key the code emits (a missing one would fall back to the bare key)', () => {
    const known = new Set(Object.values(catalogs).flatMap((c) => Object.keys(c.en ?? {})));
    const missing: string[] = [];
    for (const file of sources(join(root, 'packages'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of KEY_PATTERNS) {
        for (const m of text.matchAll(pattern)) {
          const key = m[1] as string;
          if (!known.has(key)) missing.push(`${relative(root, file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
