import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** One packed workspace package. */
export interface PackedPackage {
  /** Package name, e.g. `@hangar/core`. */
  name: string;
  /** The tarball. */
  tarball: string;
  /** The files it holds, relative to the package root. */
  files: string[];
  /** Its package.json, as packed. */
  manifest: {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  } & Record<string, unknown>;
}

/** Packs every package under packages/ with `npm pack` into `dest`. */
export async function packWorkspaces(root: string, dest: string): Promise<PackedPackage[]> {
  const dirs = await readdir(join(root, 'packages'));
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', dest, ...dirs.flatMap((d) => ['-w', `packages/${d}`])],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const packed = JSON.parse(stdout) as Array<{ name: string; filename: string; files: { path: string }[] }>;
  return Promise.all(
    packed.map(async (p) => {
      const tarball = join(dest, p.filename);
      const manifest = JSON.parse(
        (await run('tar', ['-xOzf', tarball, 'package/package.json'], { maxBuffer: 1 << 20 })).stdout,
      ) as PackedPackage['manifest'];
      return { name: p.name, tarball, files: p.files.map((f) => f.path), manifest };
    }),
  );
}

/**
 * Installs the tarballs into `app/node_modules` as `npm install` would place them (unpacked under
 * their names), and links each third-party package they declare, plus `extra`, from the
 * workspace's node_modules. Why not `npm install --offline`: the machine's npm cache does not hold
 * every dependency (croner, for one), and the test must pass offline. Linking only what the
 * tarballs declare keeps the check that counts: a dependency a package forgot to declare is
 * missing here, as it would be for a user.
 */
export async function installPacks(
  root: string,
  app: string,
  packs: readonly PackedPackage[],
  extra: readonly string[],
): Promise<void> {
  const modules = join(app, 'node_modules');
  const ours = new Set(packs.map((p) => p.name));
  const thirdParty = new Set(extra);
  for (const pack of packs) {
    const target = join(modules, pack.name);
    await mkdir(target, { recursive: true });
    await run('tar', ['-xzf', pack.tarball, '-C', target, '--strip-components=1']);
    for (const dep of Object.keys(pack.manifest.dependencies ?? {})) if (!ours.has(dep)) thirdParty.add(dep);
    for (const dep of Object.keys(pack.manifest.peerDependencies ?? {}))
      if (!pack.manifest.peerDependenciesMeta?.[dep]?.optional && !ours.has(dep)) thirdParty.add(dep);
  }
  for (const dep of thirdParty) {
    const link = join(modules, dep);
    await mkdir(join(link, '..'), { recursive: true });
    await symlink(await realpath(join(root, 'node_modules', dep)), link, 'dir');
  }
}

/** Copies the fixture application into `app`, one folder per module format. */
export async function writeApp(fixture: string, app: string): Promise<void> {
  const compilerOptions = {
    target: 'es2022',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    outDir: 'dist',
    rootDir: '.',
  };
  for (const [dir, type] of [
    ['esm', 'module'],
    ['cjs', 'commonjs'],
  ] as const) {
    await mkdir(join(app, dir), { recursive: true });
    await cp(join(fixture, 'main.ts'), join(app, dir, 'main.ts'));
    await writeFile(
      join(app, dir, 'package.json'),
      JSON.stringify({ name: `app-${dir}`, private: true, type }),
    );
    await writeFile(
      join(app, dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16' }, include: ['main.ts'] }),
    );
    await writeFile(
      join(app, dir, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
        include: ['main.ts'],
      }),
    );
  }
  await cp(join(fixture, 'driver-errors.mjs'), join(app, 'driver-errors.mjs'));
  for (const file of [
    'driver-errors.cjs',
    'driver-attempts.cjs',
    'isolated.mjs',
    'isolated.cjs',
    'isolated-job.cjs',
  ])
    await cp(join(fixture, file), join(app, file));
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
}

/** Reads a file of an unpacked package. */
export function readInstalled(app: string, name: string, file: string): Promise<string> {
  return readFile(join(app, 'node_modules', name, file), 'utf8');
}
