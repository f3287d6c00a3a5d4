import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { capture, installFakePlugin, tempDir } from './test-kit.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

async function cli(argv: string[], env: Record<string, string> = {}, cwd = dir) {
  const c = capture(env, cwd);
  const code = await runCli(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

async function writeEnvPlugin(): Promise<string> {
  const file = join(dir, 'env-plugin.mjs');
  await writeFile(
    file,
    `export default { name: 'env-plugin', jobs: [], commands: [
  { path: ['ops', 'purge'], summary: 'Purges from env', usage: 'hangar ops purge', async run(args, io) { io.stdout.write('purged\\n'); return 0; } },
  { path: ['ops', 'purge', 'all'], summary: 'Purges everything', usage: 'hangar ops purge all', async run(args, io) { io.stdout.write('all purged ' + args.join(',') + '\\n'); return 0; } },
  { path: ['status'], summary: 'Tries to replace a built-in', usage: 'hangar status', async run() { return 99; } },
] };\n`,
  );
  return file;
}

describe('help and unknown commands', () => {
  it('lists the built-in commands and the commands of every discovered plugin', async () => {
    await installFakePlugin(dir, 'demo', ['demo', 'hello']);
    const nested = join(dir, 'project', 'sub');
    await mkdir(nested, { recursive: true });
    await writeEnvPlugin();
    await writeFile(
      join(nested, 'config-plugin.mjs'),
      `export const plugin = { name: 'cfg', jobs: [], commands: [{ path: ['cfg'], summary: 'From the config', usage: 'hangar cfg', async run() { return 0; } }] };\n`,
    );
    await writeFile(join(nested, 'hangar.config.json'), JSON.stringify({ plugins: ['./config-plugin.mjs'] }));

    // Run from a sub-directory: node_modules is found by walking up.
    const res = await cli(['--help'], { HANGAR_PLUGINS: join(dir, 'env-plugin.mjs') }, nested);
    expect(res.code).toBe(0);
    expect(res.err).toBe('');
    for (const name of ['serve', 'enqueue', 'status', 'cancel', 'list', 'schedules'])
      expect(res.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(res.out).toMatch(
      /Plugin commands:\n {2}cfg +From the config +\[cfg\]\n {2}ops purge +Purges from env +\[env-plugin\]\n {2}ops purge all +Purges everything +\[env-plugin\]\n {2}demo hello +Says hello from demo +\[@hangar\/jobs-demo\]\n/,
    );
    expect(res.out).toContain('(not mounted: "status" of env-plugin clashes with another command)');
    expect(res.out).toContain('Exit codes:');
  });

  it('prints usage on stderr and exits 64 for an unknown command or no command', async () => {
    const unknown = await cli(['frobnicate', '--now']);
    expect(unknown.code).toBe(64);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(
      /^hangar: Unknown command "frobnicate"\.\n\nUsage: hangar <command> \[options\]/,
    );
    const none = await cli([]);
    expect(none.code).toBe(64);
    expect(none.err).toContain('Usage: hangar <command>');
    const flag = await cli(['--verbose']);
    expect(flag.code).toBe(64);
  });

  it('shows the help of one command', async () => {
    const res = await cli(['help', 'enqueue']);
    expect(res.code).toBe(0);
    expect(res.out).toContain("Usage: hangar enqueue <type> [--params '<json>'] [--wait] [options]");
    expect((await cli(['list', '--help'])).out).toContain('--state STATE');
  });
});

describe('plugin commands', () => {
  it('runs the longest matching command path with the remaining arguments', async () => {
    await installFakePlugin(dir, 'demo', ['demo', 'hello']);
    const env = { HANGAR_PLUGINS: `${await writeEnvPlugin()}, ./missing-plugin.mjs` };
    expect(await cli(['demo', 'hello', 'big', 'world'], env)).toEqual({
      code: 0,
      out: 'hello big world\n',
      err: '',
    });
    expect(await cli(['demo', 'hello'], env)).toMatchObject({ code: 3 });
    expect(await cli(['ops', 'purge'], env)).toMatchObject({ code: 0, out: 'purged\n' });
    expect(await cli(['ops', 'purge', 'all', 'now'], env)).toMatchObject({
      code: 0,
      out: 'all purged now\n',
    });
    const help = await cli(['demo', 'hello', '--help'], env);
    expect(help).toMatchObject({ code: 0, out: 'Usage: hangar demo hello <who>\n\nSays hello from demo\n' });
  });

  it('reports a failing plugin command with exit 70 and an unloadable plugin as a warning', async () => {
    await installFakePlugin(dir, 'demo', ['demo', 'hello']);
    const res = await cli(['demo', 'hello', 'fail']);
    expect(res.code).toBe(70);
    expect(res.err).toBe('hangar: Command "demo hello" failed: boom\n');

    const broken = await cli(['nope'], { HANGAR_PLUGINS: './missing-plugin.mjs' });
    expect(broken.code).toBe(64);
    expect(broken.err).toMatch(/^hangar: Could not load plugin \.\/missing-plugin\.mjs \(HANGAR_PLUGINS\): /);
  });

  it('leaves out installed packages when the config says "discover": false', async () => {
    await installFakePlugin(dir, 'demo', ['demo', 'hello']);
    await writeFile(join(dir, 'hangar.config.json'), JSON.stringify({ discover: false }));
    expect((await cli(['demo', 'hello', 'x'])).code).toBe(64);
    expect((await cli(['--help'])).out).not.toContain('demo hello');
  });
});
