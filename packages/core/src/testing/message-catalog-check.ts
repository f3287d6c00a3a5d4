import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageCatalogs } from '../i18n/translator.js';

/** What a pack's message catalogs are checked against. */
export interface CatalogCheckOptions {
  /** The pack's `src` directory; its `messages` and `testing` folders and tests are not read. */
  readonly sourcesDir: string;
  /** The pack's key prefix, e.g. `importexport`: literal `'importexport.…'` keys count as emitted. */
  readonly prefix: string;
  readonly catalogs: MessageCatalogs;
  /** Keys built at run time (from problem names, a stream name…), which no literal shows. */
  readonly builtKeys?: Iterable<string>;
  /** Literals with the prefix that are no message keys, such as a job type (`utils.cleanup`). */
  readonly notKeys?: Iterable<string>;
}

/** What is wrong with the catalogs; every list empty when they are right. */
export interface CatalogProblems {
  /** `lang: key` of emitted keys a language lacks. */
  readonly missing: string[];
  /** `lang: key` of keys nothing emits. */
  readonly unused: string[];
  /** Keys whose placeholders differ from English in a language. */
  readonly placeholders: string[];
  /** How many keys the sources emit. */
  readonly emitted: number;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/**
 * Checks a job pack's catalogs against its sources: every key it emits exists in every language,
 * no language holds a key nothing emits, and each language uses English's placeholders.
 */
export function messageCatalogProblems(options: CatalogCheckOptions): CatalogProblems {
  const used = new Set<string>(options.builtKeys ?? []);
  const notKeys = new Set<string>(options.notKeys ?? []);
  const literal = new RegExp(`['\`](${options.prefix.replace(/\./g, '\\.')}\\.[A-Za-z.]+)['\`]`, 'g');
  for (const file of sources(options.sourcesDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
      const key = match[1] ?? '';
      if (!key.endsWith('.') && !notKeys.has(key)) used.add(key);
    }
  }
  const missing: string[] = [];
  const unused: string[] = [];
  const mismatched: string[] = [];
  const english = options.catalogs.en ?? {};
  for (const [lang, catalog] of Object.entries(options.catalogs)) {
    for (const key of used) if (!(key in catalog)) missing.push(`${lang}: ${key}`);
    for (const key of Object.keys(catalog)) if (!used.has(key)) unused.push(`${lang}: ${key}`);
    for (const [key, text] of Object.entries(catalog)) {
      const en = english[key];
      if (en !== undefined && placeholders(en) !== placeholders(text)) mismatched.push(`${lang}: ${key}`);
    }
  }
  return { missing, unused, placeholders: mismatched, emitted: used.size };
}
