import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { blockFiles, readmeBlocks } from './readme-code/readme-blocks.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const readmes = ['README.md', ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/README.md`)];
// Inside the repository, so that the blocks resolve zod, fastify… from its node_modules.
const workDir = join(root, 'node_modules', '.cache', 'hangar-readme-code');

// Every ```ts block of every README is type-checked against the workspace sources, and the blocks
// marked `<!-- doc-test: run -->` are run: the code users copy is the code that works.
describe('README code blocks', () => {
  const perReadme = readmes.map((readme) => ({ readme, files: blockFiles(readmeBlocks(root, readme)) }));
  rmSync(workDir, { recursive: true, force: true });
  for (const { readme, files } of perReadme) {
    const dir = join(workDir, readme.replace(/[/.]/g, '-'));
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.name), file.source);
  }
  writeFileSync(join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../tsconfig.type-tests.json', include: ['**/*.ts'] }),
  );

  it('finds the blocks, including the runnable embedding example', () => {
    const all = perReadme.flatMap((r) => r.files);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.some((f) => f.block.readme === 'README.md' && f.block.run)).toBe(true);
  });

  it('type-checks every block', { timeout: 300_000 }, async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', join(workDir, 'tsconfig.json')], {
      cwd: workDir,
    }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result, 'type errors in README blocks (paths are under node_modules/.cache)').toBe('');
  });

  for (const { readme, files } of perReadme) {
    for (const file of files.filter((f) => f.block.run)) {
      it(`runs ${readme}:${file.block.line}`, { timeout: 60_000 }, async () => {
        const dir = join(workDir, readme.replace(/[/.]/g, '-'));
        const { DATABASE_URL: _unused, ...env } = process.env;
        const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, file.name)], {
          cwd: dir,
          env,
        });
        // A `console.log(…); // value` line in a block documents what it prints: check it does.
        const printed = [...file.block.code.matchAll(/console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) =>
          m[1]?.trim(),
        );
        expect(stdout.split('\n').filter(Boolean)).toEqual(printed);
      });
    }
  }
});
