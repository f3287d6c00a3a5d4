import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, onCleanup, startApi, TOKENS } from '../http/test-fixtures.js';
import { installFakePlugin, tempDir } from './test-kit.js';

const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const built = existsSync(bin);
if (!built)
  console.log(
    `Skipping the bin tests: ${bin} is missing; run "npm run build" (the root "npm test" builds first).`,
  );

let dir: string;
beforeEach(async () => {
  const tmp = await tempDir();
  dir = tmp.dir;
  onCleanup(tmp.cleanup);
});
afterEach(closeAll);

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
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
