import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  processGone,
  startUtilsHarness,
  type UtilsHarness,
  waitUntilGone,
} from '../testing/runner-harness.js';
import { RUN_COMMAND_LINE_JOB_TYPE as TYPE } from './run-command-line-job.js';

const node = (script: string, extra: Record<string, unknown> = {}) => ({
  command: 'node',
  args: ['-e', script],
  ...extra,
});

describe('utils.run-command-line with real child processes', () => {
  let root: string;
  let outside: string;
  let h: UtilsHarness;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hangar-utils-cmd-'));
    outside = await mkdtemp(join(tmpdir(), 'hangar-utils-out-'));
    await mkdir(join(root, 'work'));
    process.env.HANGAR_UTILS_TEST_SECRET = 'must-not-leak';
    h = await startUtilsHarness({
      commandLine: {
        executables: { node: process.execPath },
        roots: [root],
        paramEnv: ['GREETING'],
        killGraceMs: 500,
        tailLines: 3,
        allowedCustomers: ['OPS'],
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    delete process.env.HANGAR_UTILS_TEST_SECRET;
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('streams stdout and stderr line by line into the job log, with a filtered environment', async () => {
    const script = [
      "console.log('hello ' + process.env.GREETING);",
      "console.error('warned');",
      "console.log('secret=' + (process.env.HANGAR_UTILS_TEST_SECRET ?? 'absent'));",
      "process.stdout.write('cwd=' + process.cwd() + '\\nno newline');",
    ].join('');
    const job = await h.run(TYPE, node(script, { cwd: 'work', env: { GREETING: 'world' } }));
    expect(job.state).toBe('Succeeded');
    expect(job.result?.result).toEqual({ command: 'node', exitCode: 0, stdoutLines: 4, stderrLines: 1 });
    const log = await h.log(job.id);
    const lines = log.filter((e) => e.message.key.startsWith('utils.commandLine.'));
    const stdout = lines
      .filter((e) => e.message.key === 'utils.commandLine.stdout')
      .map((e) => e.message.params?.line);
    expect(stdout).toEqual(['hello world', 'secret=absent', `cwd=${join(root, 'work')}`, 'no newline']);
    expect(
      lines.filter((e) => e.message.key === 'utils.commandLine.stderr').map((e) => e.message.params?.line),
    ).toEqual(['warned']);
    const progress = log.filter((e) => e.level === 'progress');
    expect(progress.map((e) => [e.message.key, e.current, e.total])).toEqual([
      ['utils.progress.commandStarted', 0, 1],
      ['utils.progress.commandDone', 1, 1],
    ]);
    const translator = h.runner.registry.translator;
    expect(translator.render(progress[1]!.message, 'fr')).toBe(
      'node terminé : 4 lignes de sortie, 1 lignes d’erreur',
    );
  });

  it('passes arguments as they are, with no shell to read them', async () => {
    const job = await h.run(TYPE, {
      command: 'node',
      args: ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$HOME', '; rm -rf /', '`id`'],
    });
    expect(job.state).toBe('Succeeded');
    const [line] = (await h.log(job.id)).filter((e) => e.message.key === 'utils.commandLine.stdout');
    expect(JSON.parse(String(line?.message.params?.line))).toEqual(['$HOME', '; rm -rf /', '`id`']);
  });

  it('fails a non-zero exit with its code and last lines, in English and French', async () => {
    const job = await h.run(
      TYPE,
      node("for (let i = 1; i <= 5; i++) console.log('line ' + i); process.exit(3)"),
    );
    expect(job.state).toBe('Failed');
    expect(job.errorInfo?.[0]).toMatchObject({
      code: 'UTILS_COMMAND_FAILED',
      params: { command: 'node', exit: 'exit code 3', lastLines: 'line 3\nline 4\nline 5' },
    });
    expect(job.attempts).toBe(1);
    expect(h.render(job, 'fr')).toBe(
      'Échec de node (exit code 3). Dernières lignes :\nline 3\nline 4\nline 5',
    );
  });

  it('refuses bad input, naming the field, before anything runs', async () => {
    const marker = join(root, 'ran.txt');
    const touch = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const cases: [unknown, string, string][] = [
      [{ command: 'sh', args: ['-c', touch] }, 'UTILS_NOT_ALLOWED', 'command'],
      [{ command: 'toString', args: [] }, 'UTILS_NOT_ALLOWED', 'command'],
      [
        node(touch, { env: { NODE_OPTIONS: '--require /tmp/x.js' } }),
        'UTILS_NOT_ALLOWED',
        'env.NODE_OPTIONS',
      ],
      [node(touch, { cwd: '..' }), 'UTILS_BAD_PATH', 'cwd'],
      [node(touch, { cwd: outside }), 'UTILS_BAD_PATH', 'cwd'],
      [node(touch, { cwd: 'missing' }), 'UTILS_BAD_PATH', 'cwd'],
      [node(touch, { timeoutMs: 10_000_000 }), 'UTILS_INVALID_PARAM', 'timeoutMs'],
    ];
    for (const [params, code, field] of cases) {
      const job = await h.run(TYPE, params);
      expect(job.state, JSON.stringify(params)).toBe('Failed');
      expect(job.errorInfo?.[0]?.code).toBe(code);
      expect(job.errorInfo?.[0]?.params.field).toBe(field);
    }
    await expect(
      h.runner.client.enqueue(TYPE, { command: 'node', args: 'not an array' }),
    ).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
    await expect(stat(marker)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("refuses a customer's run unless the operator allowed that customer", async () => {
    const refused = await h.run(TYPE, node("console.log('ran')"), 'ACME');
    expect(refused.state).toBe('Failed');
    expect(refused.errorInfo?.[0]).toMatchObject({ code: 'SYSTEM_JOB_REQUIRED', params: { tenant: 'ACME' } });
    expect((await h.log(refused.id)).some((e) => e.message.params?.line === 'ran')).toBe(false);
    const allowed = await h.run(TYPE, node("console.log('ran')"), 'OPS');
    expect(allowed.state).toBe('Succeeded');
  });

  it('on cancellation kills a child that ignores SIGTERM (SIGKILL after the grace period)', async () => {
    const id = await h.enqueue(
      TYPE,
      node(
        "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('pid ' + process.pid); setInterval(() => {}, 1000)",
      ),
    );
    const pid = Number((await h.waitForLine(id, /^pid \d+$/)).slice(4));
    expect(await processGone(pid)).toBe(false);
    await h.runner.client.cancel(id);
    const job = await h.runner.client.waitFor(id, { pollMs: 20 });
    expect(job.state).toBe('Cancelled');
    expect(await waitUntilGone(pid)).toBe(true);
    expect((await h.log(id)).some((e) => e.message.params?.line === 'ignoring SIGTERM')).toBe(true);
  });

  it('on cancellation kills the whole process group, grandchildren included', async () => {
    const grandchild = 'setInterval(() => {}, 1000)';
    const script = [
      "const { spawn } = require('child_process');",
      `const g = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });`,
      "console.log('grandchild ' + g.pid);",
      'setInterval(() => {}, 1000);',
    ].join('');
    const id = await h.enqueue(TYPE, node(script));
    const pid = Number((await h.waitForLine(id, /^grandchild \d+$/)).split(' ')[1]);
    expect(await processGone(pid)).toBe(false);
    await h.runner.client.cancel(id);
    expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
    expect(await waitUntilGone(pid)).toBe(true);
  });

  it('stops a run that passes its timeout and fails it naming the timeout', async () => {
    const id = await h.enqueue(
      TYPE,
      node("console.log('pid ' + process.pid); setInterval(() => {}, 1000)", { timeoutMs: 1_000 }),
    );
    const pid = Number((await h.waitForLine(id, /^pid \d+$/)).slice(4));
    const job = await h.runner.client.waitFor(id, { pollMs: 20 });
    expect(job.state).toBe('Failed');
    expect(job.errorInfo?.[0]).toMatchObject({ code: 'UTILS_COMMAND_TIMEOUT', params: { timeoutMs: 1000 } });
    expect(await waitUntilGone(pid)).toBe(true);
  });
});
