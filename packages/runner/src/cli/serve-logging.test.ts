import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { createServeLogger } from './serve-logger.js';
import { capture, runNode, startServe, useTempDir } from './test-kit.js';

const TOKEN = 'serve-logging-operator-token';
const testKit = fileURLToPath(new URL('./test-kit.ts', import.meta.url));

const scope = useTempDir();

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const logLines = (text: string): LogLine[] =>
  text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogLine);

const writeConfig = (log?: Record<string, unknown>) =>
  writeFile(
    join(scope.dir, 'hangar.config.json'),
    JSON.stringify({
      plugins: [testKit],
      discover: false,
      http: {
        port: 0,
        tokens: [{ token: TOKEN, customerId: 'acme', userId: 'alice', roles: ['operator'] }],
      },
      runner: { pollIntervalMs: 20, shutdownGraceMs: 1000 },
      ...(log ? { log } : {}),
    }),
  );

describe('the log of hangar serve', () => {
  it('is JSON lines on stderr at the configured level, with failed jobs at warn', async () => {
    await writeConfig({ level: 'info' });
    const server = await startServe(scope.dir, {});
    const client = capture({ HANGAR_URL: server.url, HANGAR_TOKEN: TOKEN }, scope.dir);
    expect(await runCli(['enqueue', 'test.fail', '--params', '{}', '--wait'], client.io)).toBe(1);
    const jobId = /Job (\S+) enqueued/.exec(client.out())?.[1];
    const { code, io } = await server.stop();
    expect(code).toBe(0);
    const lines = logLines(io.err());
    expect(lines.find((l) => l.msg === 'Listening')).toMatchObject({ level: 30, url: server.url });
    expect(lines.find((l) => l.msg === 'Job failed')).toMatchObject({
      level: 40,
      jobId,
      type: 'test.fail',
      code: 'JOB_UNRECOVERABLE',
    });
    expect(lines.some((l) => l.level < 30)).toBe(false);
  });

  it('takes its level from HANGAR_LOG_LEVEL over the config', async () => {
    await writeConfig({ level: 'debug' });
    const server = await startServe(scope.dir, { HANGAR_LOG_LEVEL: 'warn' });
    const { io } = await server.stop();
    expect(io.err()).toBe('');
  });

  it('refuses an unknown HANGAR_LOG_LEVEL, naming the levels (exit 78)', async () => {
    await writeConfig();
    const io = capture({ HANGAR_LOG_LEVEL: 'loud' }, scope.dir);
    expect(await runCli(['serve'], io.io)).toBe(78);
    expect(io.err()).toContain('HANGAR_LOG_LEVEL is "loud"; use one of fatal, error, warn, info, debug');
  });

  it('is pretty on a terminal only when pino-pretty is installed, JSON otherwise', async () => {
    let prettyInstalled = true;
    try {
      createRequire(import.meta.url).resolve('pino-pretty');
    } catch {
      prettyInstalled = false;
    }
    const chunks: string[] = [];
    const terminal = Object.assign(
      new Writable({
        write(chunk: Buffer | string, _enc, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
      { isTTY: true },
    );
    const onTerminal = await createServeLogger(terminal, 'info');
    expect(onTerminal.format).toBe(prettyInstalled ? 'pretty' : 'json');
    onTerminal.logger.info({ jobId: 'j1' }, 'hello');
    await onTerminal.flush();
    const written = chunks.join('');
    if (prettyInstalled) expect(written).toContain('hello');
    else expect(JSON.parse(written)).toMatchObject({ level: 30, msg: 'hello', jobId: 'j1' });
    const piped = await createServeLogger(new Writable({ write: (_c, _e, done) => done() }), 'info');
    expect(piped.format).toBe('json');
  });
});

const builtRunner = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const builtCore = fileURLToPath(new URL('../../../core/dist/index.js', import.meta.url));

describe.skipIf(!existsSync(builtRunner) || !existsSync(builtCore))(
  'an embedded runner given no logger',
  () => {
    it('reports a failed job at warn on stderr', async () => {
      // A real process, so the default logger writes to a real stderr.
      const script = `
      import { createRunner, MemoryQueue } from ${JSON.stringify(builtRunner)};
      import { defineJob, UnrecoverableError } from ${JSON.stringify(builtCore)};
      import { z } from 'zod';
      const broken = defineJob({
        type: 'demo.broken',
        params: z.object({}),
        create: () => ({ async execute() { throw new UnrecoverableError('no ledger'); } }),
      });
      const runner = await createRunner({ queue: new MemoryQueue(), jobs: [broken], pollIntervalMs: 20 }).start();
      const { id } = await runner.client.enqueue('demo.broken', {});
      const job = await runner.client.waitFor(id, { pollMs: 20 });
      await runner.stop();
      process.stdout.write(JSON.stringify({ id, state: job.state }));
    `;
      const res = await runNode(
        ['--input-type=module', '-e', script],
        fileURLToPath(new URL('.', import.meta.url)),
      );
      expect(res.code).toBe(0);
      const { id, state } = JSON.parse(res.out) as { id: string; state: string };
      expect(state).toBe('Failed');
      const lines = res.err
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'Job failed', jobId: id, type: 'demo.broken' }),
      );
      expect(lines.every((l) => l.level === 'warn' || l.level === 'error')).toBe(true);
    });
  },
);
