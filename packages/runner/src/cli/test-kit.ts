import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { testPlugin } from '../http/test-fixtures.js';
import { type CapturedIo, captureCliIo } from './captured-io.js';

export type { CapturedIo };

import { runCli } from './run-cli.js';

/** The HTTP tests' plugin, as the default export a config can name by path. */
export default testPlugin;

/** Captures stdout and stderr; `env` and `cwd` are passed through (`captureCliIo`). */
export function capture(
  env: Record<string, string | undefined>,
  cwd: string,
  signal?: AbortSignal,
): CapturedIo {
  return captureCliIo({ env, cwd, ...(signal ? { signal } : {}) });
}

/** A temporary working directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Gives each test of the file a fresh temporary directory (`scope.dir`), removed after it. */
export function useTempDir(): { readonly dir: string } {
  let current: { dir: string; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    current = await tempDir();
  });
  afterEach(() => current?.cleanup());
  return {
    get dir() {
      if (!current) throw new Error('useTempDir: no test is running');
      return current.dir;
    },
  };
}

/** What a finished child process printed, and its exit code. */
export interface ProcessResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `node <args>` as a real child process with only PATH and `env` set, and collects its output. */
export function runNode(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/**
 * Installs a plugin package `@hangar/jobs-<name>` under `dir/node_modules` with one command,
 * written as plain ESM so that the real `node` binary can load it too.
 */
export async function installFakePlugin(
  dir: string,
  name: string,
  commandPath: readonly string[],
): Promise<void> {
  const pkgDir = join(dir, 'node_modules', '@hangar', `jobs-${name}`);
  await mkdir(join(pkgDir, 'dist'), { recursive: true });
  await writeFile(
    join(pkgDir, 'package.json'),
    JSON.stringify({
      name: `@hangar/jobs-${name}`,
      type: 'module',
      exports: { '.': { import: './dist/index.js' } },
    }),
  );
  await writeFile(
    join(pkgDir, 'dist', 'index.js'),
    `export const plugin = {
  name: '@hangar/jobs-${name}',
  jobs: [],
  messages: { en: { 'demo.boom': 'Boom at {where}' }, fr: { 'demo.boom': 'Boum à {where}' } },
  commands: [{
    path: ${JSON.stringify(commandPath)},
    summary: 'Says hello from ${name}',
    usage: 'hangar ${commandPath.join(' ')} <who>',
    async run(args, io) {
      if (args[0] === 'fail') throw Object.assign(new Error('boom'), {});
      io.stdout.write('hello ' + args.join(' ') + '\\n');
      return args.length === 0 ? 3 : 0;
    },
  }],
};
`,
  );
}

/** A `hangar serve` running in-process in `dir`, and how to stop it. */
export interface RunningServe {
  /** Base URL it listens on. */
  url: string;
  /** Aborts it (as Ctrl-C does) and returns its exit code and output. */
  stop(): Promise<{ code: number; io: CapturedIo }>;
}

/** Runs `hangar serve` in `dir` until it says where it listens; fails with its output if it exits first. */
export async function startServe(dir: string, env: Record<string, string>): Promise<RunningServe> {
  const controller = new AbortController();
  const io = capture(env, dir, controller.signal);
  const running = runCli(['serve'], io.io);
  let url: string | undefined;
  await expect
    .poll(
      async () => {
        const exited = await Promise.race([
          running,
          new Promise<undefined>((r) => setTimeout(() => r(undefined), 5)),
        ]);
        if (exited !== undefined) throw new Error(`serve exited ${exited}: ${io.err()}`);
        url = /listening on (http:\/\/\S+)/.exec(io.out())?.[1];
        return url;
      },
      { timeout: 10_000, interval: 20 },
    )
    .toBeDefined();
  return {
    url: url!,
    stop: async () => {
      controller.abort();
      return { code: await running, io };
    },
  };
}
