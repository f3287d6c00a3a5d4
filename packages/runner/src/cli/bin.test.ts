import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, onCleanup, startApi, TOKENS } from '../http/test-fixtures.js';
import { installFakePlugin, type ProcessResult, runNode, tempDir } from './test-kit.js';

// The committed entry npm links as `hangar`; it loads the built CLI from dist.
const bin = fileURLToPath(new URL('../../bin/hangar.js', import.meta.url));
const builtCli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const built = existsSync(builtCli);
if (!built)
  console.log(
    `Skipping the bin tests: ${builtCli} is missing; run "npm run build" (the root "npm test" builds first).`,
  );

let dir: string;
beforeEach(async () => {
  const tmp = await tempDir();
  dir = tmp.dir;
  onCleanup(tmp.cleanup);
});
afterEach(closeAll);

function run(args: string[], env: Record<string, string> = {}, entry = bin): Promise<ProcessResult> {
  return runNode([entry, ...args], dir, env);
}

describe.skipIf(!built)('the built hangar bin', () => {
  it('prints help with the commands of installed plugins and exits 0', async () => {
    await installFakePlugin(dir, 'demo', ['demo', 'hello']);
    const res = await run(['--help']);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Usage: hangar <command> [options]');
    expect(res.out).toMatch(/demo hello +Says hello from demo/);
    expect(await run(['demo', 'hello', 'there'])).toMatchObject({ code: 0, out: 'hello there\n' });
  });

  it('exits 64 on an unknown command', async () => {
    const res = await run(['frobnicate']);
    expect(res.code).toBe(64);
    expect(res.err).toContain('Unknown command "frobnicate"');
  });

  it('follows a job with --wait and exits as soon as it ends', async () => {
    const api = await startApi();
    const started = Date.now();
    const res = await run(['enqueue', 'test.steps', '--params', '{"count":3,"delayMs":5}', '--wait'], {
      HANGAR_URL: api.url,
      HANGAR_TOKEN: TOKENS.acmeOperator,
    });
    expect(res.err).toContain('100% 3/3');
    expect(res.out).toContain('Step 3 done (3/3)');
    expect(res.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('the committed hangar bin entry', () => {
  it('says to build when dist is missing, instead of a module-not-found stack', async () => {
    await mkdir(join(dir, 'pkg', 'bin'), { recursive: true });
    const copy = join(dir, 'pkg', 'bin', 'hangar.js');
    await copyFile(bin, copy);
    const res = await run(['--help'], {}, copy);
    expect(res.code).toBe(70);
    expect(res.err).toContain('run "npm run build" first');
    expect(res.err).toContain(join(dir, 'pkg', 'dist', 'cli', 'main.js'));
    expect(res.err).not.toContain('ERR_MODULE_NOT_FOUND');
  });

  it('is what package.json links as the hangar bin', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
      files: string[];
    };
    expect(pkg.bin.hangar).toBe('./bin/hangar.js');
    expect(pkg.files).toContain('bin');
  });
});

describe.skipIf(!built)('the built hangar bin at its edges', () => {
  it('prints the runner version with --version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run(['--version'])).toEqual({ code: 0, out: `hangar ${pkg.version}\n`, err: '' });
  });

  it('exits 0 without a stack trace when the reader closes stdout early (status | head)', async () => {
    const api = await startApi();
    // Enough messages that the status output is larger than a pipe buffer, so the CLI is still
    // writing when the reader goes away.
    const { id } = await api.runner.client.enqueue(
      'test.steps',
      { count: 4000, delayMs: 0 },
      { customerId: 'acme', userId: 'alice' },
    );
    expect((await api.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Succeeded');
    const res = await new Promise<{ code: number | null; signal: string | null; err: string; got: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [bin, 'status', id], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', HANGAR_URL: api.url, HANGAR_TOKEN: TOKENS.acmeOperator },
        });
        let got = '';
        let err = '';
        child.stdout.once('data', (chunk: Buffer) => {
          got = String(chunk);
          child.stdout.destroy();
        });
        child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, err, got }));
      },
    );
    expect(res.got).toContain(id);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
  });

  it('calls a negative --delay a bad value of --delay, exit 64', async () => {
    const res = await run(['enqueue', 'test.steps', '--delay', '-5'], {
      HANGAR_URL: 'http://127.0.0.1:9',
      HANGAR_TOKEN: TOKENS.acmeOperator,
    });
    expect(res.err).toContain('The value of --delay must be at least 0, got -5');
    expect(res.err).not.toContain('ambiguous');
    expect(res.code).toBe(64);
  });

  it('refuses serve --port 99999 as bad usage naming --port, exit 64', async () => {
    const res = await run(['serve', '--port', '99999']);
    expect(res.err).toContain('The value of --port must be at most 65535, got 99999');
    expect(res.code).toBe(64);
  });
});
