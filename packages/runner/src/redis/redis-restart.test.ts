import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobRecord, QueueChange } from '@hangar/core';
import { testJob, testWorker } from '@hangar/core/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, probeRedis } from './connection.js';
import { checkInvariants } from './redis-invariants.js';
import { RedisQueue } from './redis-queue.js';

/** A private redis-server with AOF on every write, so the shared server is never restarted. */
function redisServerMissing(): string | undefined {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'redis-server is not installed';
  }
}

const skip = redisServerMissing();
if (skip) console.warn(`[skipped] Redis restart test: ${skip}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const W1 = testWorker('worker-1');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 60_000 };

describe.skipIf(skip !== undefined)('RedisQueue across a Redis restart (private server, AOF)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hangar-redis-'));
  let port = 0;
  let url = '';
  let server: ChildProcess | undefined;

  async function startServer(): Promise<void> {
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    server = proc;
    const deadline = Date.now() + 10_000;
    while ((await probeRedis(url)) !== undefined) {
      if (Date.now() > deadline) throw new Error('private redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function killServer(): Promise<void> {
    const proc = server;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    await startServer();
  });

  afterAll(async () => {
    await killServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every job, reconnects, reloads its scripts and resubscribes after kill -9 of Redis', async () => {
    const queue = new RedisQueue({ connection: url, prefix: 'restart' });
    const other = new RedisQueue({ connection: url, prefix: 'restart' });
    const admin = new Redis(url);
    admin.on('error', () => {}); // refused connections while the server is down are expected
    try {
      const cancels: string[] = [];
      const changes: QueueChange[] = [];
      await queue.onCancelRequest(W1.id, (id) => cancels.push(id));
      await queue.subscribe((c) => changes.push(c));
      await queue.enqueueMany(
        Array.from({ length: 20 }, (_, n) => testJob({ params: { n }, concurrencyKey: `k${n % 3}` })),
      );
      await queue.enqueue(testJob({ runAt: new Date(Date.now() + 60_000) }));
      const claimed = await queue.claim({ ...claimAll, limit: 5, worker: W1 });
      await queue.complete(claimed[0]?.id ?? '', W1.id, { success: true, result: { ok: 1 } });
      await queue.appendLog(claimed[1]?.id ?? '', [
        { at: new Date(), level: 'progress', message: { key: 'p' }, current: 1 },
      ]);
      const before = new Map<string, JobRecord>();
      for (let page = await queue.list({ limit: 100 }); ; ) {
        for (const job of page.items) before.set(job.id, job);
        if (!page.nextCursor) break;
        page = await queue.list({ limit: 100, cursor: page.nextCursor });
      }
      expect(before.size).toBe(21);

      await killServer();
      await startServer();

      // the same queue objects carry on: ioredis reconnects, EVALSHA falls back to EVAL
      for (const [id, job] of before) expect(await queue.get(id)).toEqual(job);
      expect(await checkInvariants(admin, 'restart')).toEqual([]);
      const running = claimed[2]?.id ?? '';
      // delivered by pub/sub once resubscribed, or by the catch-up read if published before that
      expect(await other.requestCancel(running)).toBe('requested');
      await vi.waitFor(() => expect(cancels).toEqual([running]), { timeout: 5000, interval: 20 });
      const more = await other.claim({ ...claimAll, worker: testWorker('worker-2') });
      expect(more.length).toBeGreaterThan(0);
      await vi.waitFor(
        () => expect(changes.some((c) => c.kind === 'state' && c.jobId === more[0]?.id)).toBe(true),
        {
          timeout: 1000,
        },
      );
      expect((await queue.getLog(claimed[1]?.id ?? '')).map((e) => e.seq)).toEqual([1]);
      expect(await checkInvariants(admin, 'restart')).toEqual([]);
    } finally {
      await queue.close();
      await other.close();
      await closeConnection(admin);
    }
  }, 30_000);
});
