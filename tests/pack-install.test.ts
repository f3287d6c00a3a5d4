import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installPacks,
  type PackedPackage,
  packWorkspaces,
  readInstalled,
  run,
  writeApp,
} from './packaging/install-packs.js';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// Peers the application installs itself: zod (required by every package), the SQLite driver of
// the conso database, and Node's types for the type checks. pg, ioredis, fastify, tedious are not
// installed, on purpose.
const APP_DEPENDENCIES = ['zod', 'better-sqlite3', '@types/node'];

let work: string;
let app: string;
let packs: PackedPackage[];

// Packs every package (`npm test` builds them first) and installs the tarballs into a project
// outside the repository, as a user would.
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hangar-packs-'));
  app = join(work, 'app');
  packs = await packWorkspaces(root, work);
  await installPacks(root, app, packs, APP_DEPENDENCIES);
  await writeApp(join(import.meta.dirname, 'packaging', 'fixture'), app);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packed packages', () => {
  it('packs every package with its README, LICENSE, metadata and both module formats', async () => {
    const license = await readFile(join(root, 'LICENSE'), 'utf8');
    expect(packs.map((p) => p.name).sort()).toEqual([
      '@hangar/conso-db',
      '@hangar/core',
      '@hangar/jobs-database',
      '@hangar/jobs-importexport',
      '@hangar/jobs-other',
      '@hangar/jobs-utils',
      '@hangar/runner',
    ]);
    for (const pack of packs) {
      expect(pack.files, pack.name).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
      expect(await readInstalled(app, pack.name, 'LICENSE')).toBe(license);
      expect(
        pack.files.some((f) => f.startsWith('src/')),
        `${pack.name} ships its sources`,
      ).toBe(false);
      const m = pack.manifest as Record<string, unknown> & { exports: Record<string, unknown> };
      expect(m.engines, pack.name).toEqual({ node: '>=20.10' });
      expect(m.repository, pack.name).toMatchObject({
        type: 'git',
        directory: `packages/${pack.name.slice(8)}`,
      });
      expect(m.exports['./package.json']).toBe('./package.json');
      for (const [key, entry] of Object.entries(m.exports)) {
        if (key === './package.json') continue;
        const { import: esm, require: cjs } = entry as Record<string, { types: string; default: string }>;
        expect(esm?.types, `${pack.name} ${key}`).toMatch(/\.d\.ts$/);
        expect(cjs?.types, `${pack.name} ${key}`).toMatch(/\.d\.cts$/);
        for (const file of [esm?.types, esm?.default, cjs?.types, cjs?.default])
          expect(pack.files, `${pack.name} ${key}`).toContain(file?.replace(/^\.\//, ''));
      }
      expect(m.peerDependencies, pack.name).toEqual(
        pack.name === '@hangar/conso-db'
          ? expect.anything()
          : expect.objectContaining({ zod: expect.any(String) }),
      );
      expect(m.dependencies ?? {}, pack.name).not.toHaveProperty('zod');
    }
  });

  it('ships source maps without the sources in them', async () => {
    for (const pack of packs) {
      const maps = pack.files.filter((f) => f.endsWith('.map'));
      expect(maps.length, pack.name).toBeGreaterThan(0);
      for (const map of maps) {
        const parsed = JSON.parse(await readInstalled(app, pack.name, map)) as { sourcesContent?: unknown };
        expect(parsed.sourcesContent, `${pack.name}/${map}`).toBeUndefined();
      }
    }
  });

  it('makes fastify, pg and ioredis optional peers of the runner', () => {
    const runner = packs.find((p) => p.name === '@hangar/runner');
    for (const driver of ['fastify', 'pg', 'ioredis']) {
      expect(runner?.manifest.dependencies ?? {}).not.toHaveProperty(driver);
      expect(runner?.manifest.peerDependencies).toHaveProperty(driver);
      expect(runner?.manifest.peerDependenciesMeta?.[driver]).toEqual({ optional: true });
    }
  });

  it('says in each job pack README what to install, the conso database included', async () => {
    for (const name of ['@hangar/jobs-database', '@hangar/jobs-importexport']) {
      const readme = await readInstalled(app, name, 'README.md');
      const install = readme.split('\n').find((l) => l.startsWith('npm install') && l.includes(name));
      expect(install, name).toBeDefined();
      for (const needed of ['@hangar/core', '@hangar/runner', '@hangar/conso-db', 'zod'])
        expect(install).toContain(needed);
    }
  });
});

describe('an application using the installed packages', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`type-checks and runs as ${format === 'esm' ? 'ESM' : 'CommonJS'} (module: node16)`, {
      timeout: 120_000,
    }, async () => {
      const dir = join(app, format);
      const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
      );
      expect(compiled.stdout, 'tsc errors').toBe('');
      const { stdout } = await run(process.execPath, [join(dir, 'dist', 'main.js')], { cwd: dir });
      const outcome = JSON.parse(stdout) as {
        shout: { state: string; text: string };
        ownership: { state: string; companies: number; errors: unknown };
      };
      expect(outcome.shout).toEqual({ state: 'Succeeded', text: 'HANGAR!' });
      expect(outcome.ownership).toMatchObject({ state: 'Succeeded', companies: 5 });
    });

    it(`type-checks as ${format} with moduleResolution: bundler`, { timeout: 120_000 }, async () => {
      const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], {
        cwd: join(app, format),
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
      expect(checked.stdout, 'tsc errors').toBe('');
    });
  }

  for (const script of ['isolated.mjs', 'isolated.cjs']) {
    it(`stops an isolated job deaf to its timeout by terminating its thread (${script})`, async () => {
      const { stdout } = await run(process.execPath, [join(app, script)], { cwd: app });
      expect(JSON.parse(stdout)).toEqual({ state: 'Failed', codes: ['JOB_TIMEOUT', 'JOB_TERMINATED'] });
    });
  }

  for (const script of ['driver-errors.mjs', 'driver-errors.cjs']) {
    it(`names the missing driver and how to install it, through every entry point (${script})`, async () => {
      const { stdout } = await run(process.execPath, [join(app, script)], { cwd: app });
      const seen = JSON.parse(stdout) as Record<
        string,
        { code: string; params: Record<string, string>; message: string }
      >;
      for (const driver of ['ioredis', 'pg', 'fastify'] as const) {
        expect(seen[driver], driver).toMatchObject({
          code: 'DRIVER_NOT_INSTALLED',
          params: { driver, install: `npm install ${driver}` },
        });
        expect(seen[driver]?.message).toContain(`npm install ${driver}`);
      }
      expect(seen.tedious).toMatchObject({ code: 'CONSO_DB_DRIVER_MISSING' });
      expect(seen.tedious?.message).toContain('npm install tedious tarn');
    });
  }
});
