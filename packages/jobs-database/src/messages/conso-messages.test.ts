import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Translator } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { engineErrorKey } from '../errors/engine-failure-error.js';
import { STEP_ORDER, stepMessageKey } from '../steps/step-flags.js';
import { consoMessages } from './conso-messages.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every key the package can emit: literal `conso.*` keys, step keys and engine error keys. */
function emittedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    if (file.includes(`${join('src', 'messages')}`)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /'(conso\.(?:job|progress|step|warning|log|error|outcome)\.[A-Za-z0-9.]+)'/g,
    )) {
      keys.add(match[1] as string);
    }
    if (file.includes(join('src', 'engine', 'errors'))) {
      for (const match of text.matchAll(/super\(\s*'([A-Z0-9_]+)'/g))
        keys.add(engineErrorKey(match[1] as string));
    }
  }
  for (const step of [...STEP_ORDER, 'formulas' as const]) keys.add(stepMessageKey(step));
  return keys;
}

describe('consolidation messages', () => {
  const en = consoMessages.en ?? {};
  const fr = consoMessages.fr ?? {};

  it('has every emitted key in English and French', () => {
    const keys = emittedKeys();
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys) {
      expect(en, key).toHaveProperty([key]);
      expect(fr, key).toHaveProperty([key]);
    }
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) =>
      [...text.matchAll(/\{@?([A-Za-z0-9_.]+(?::[a-z]+)?)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en))
      expect(placeholders(fr[key] ?? ''), key).toEqual(placeholders(text));
  });

  it('renders the progress of a conso step in both languages', () => {
    const translator = new Translator().register(consoMessages);
    const message = {
      key: 'conso.progress.step',
      params: { index: 3, count: 5, code: '202312ACT001', step: 'conso.step.bundles' },
    };
    expect(translator.render(message, 'en')).toBe(
      "Conso 3/5 '202312ACT001': Converting and integrating bundles",
    );
    expect(translator.render(message, 'fr')).toBe(
      "Conso 3/5 '202312ACT001' : Conversion et intégration des liasses",
    );
  });
});
