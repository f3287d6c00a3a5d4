import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliCommand } from '@hangar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCase } from '../engine/index.js';
import { expectMatches } from '../engine/testing/expect-matches.js';
import { loadReferenceCases } from '../engine/testing/reference-cases.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { postgresSkipReason, TEST_PG_URL } from '../testing/test-db.js';
import { createTestCliHost } from '../testing/test-host.js';

const cases = loadReferenceCases();
const plugin = createConsoJobsPlugin();
const command = plugin.commands?.find((c) => c.path.join(' ') === 'conso evaluate') as CliCommand;
const pgSkip = await postgresSkipReason();

/** Runs the command as the CLI would and returns exit code, stdout and stderr. */
async function runCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await command.run(args, { stdout, stderr, host: createTestCliHost() });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function tolerance(step: string): number {
  return step === 'CalculateIndirectPercentages' ? 1e-9 : 0.005;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conso-evaluate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const backends: [string, string[], string | undefined][] = [
  ['SQLite in memory', [], undefined],
  ['PostgreSQL', ['--db', TEST_PG_URL], pgSkip],
];

describe('hangar conso evaluate', () => {
  it('runs the case files of examples/conso-cases as they are (with `expected`), as the README shows', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
    for (const referenceCase of cases) {
      const result = await runCommand([referenceCase.file]);
      expect(result.code, `${referenceCase.id}: ${result.stderr}`).toBe(0);
      expectMatches(JSON.parse(result.stdout), referenceCase.expected, tolerance(referenceCase.step));
    }
  });

  for (const [name, dbArgs, skip] of backends) {
    describe.skipIf(skip !== undefined)(name, () => {
      it.each(cases.map((c) => [c.id, c] as const))(
        '%s gives the expected results and what evaluateCase gives',
        async (id, referenceCase) => {
          const { expected: _expected, ...input } = referenceCase;
          const file = join(dir, `${id}-${name.length}.json`);
          await writeFile(file, JSON.stringify(input));
          const result = await runCommand([file, ...dbArgs]);
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          const output = JSON.parse(result.stdout) as Record<string, unknown>;
          const engine = evaluateCase(referenceCase);
          expectMatches(output, referenceCase.expected, tolerance(referenceCase.step));
          expectMatches(output, engine, tolerance(referenceCase.step));
          expectMatches(engine, output, tolerance(referenceCase.step));
          // Lists come in the engine's order too, not only with the same elements.
          const keysOf = (o: Record<string, unknown>) =>
            (
              (o.ic_elimination_entries as
                | { rule: string; company: string; account: string }[]
                | undefined) ?? []
            ).map((e) => `${e.rule}/${e.company}/${e.account}`);
          expect(keysOf(output)).toEqual(keysOf(engine));
          const tb = output.consolidated_tb as Record<string, number> | undefined;
          if (tb !== undefined) {
            expect(Math.abs(Object.values(tb).reduce((a, b) => a + b, 0))).toBeLessThan(0.005);
          }
        },
      );
    });
  }

  it('exits 2 with a clear message on unreadable input', async () => {
    const missing = await runCommand([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read case .*nope\.json/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    expect((await runCommand([bad])).code).toBe(2);
    const notCase = join(dir, 'not-case.json');
    await writeFile(notCase, JSON.stringify({ step: 'ConsolidationRun', input: { parent: 'P' } }));
    const invalid = await runCommand([notCase]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/Invalid case .*input\.group_currency/);
    expect((await runCommand([])).code).toBe(2);
  });
});
