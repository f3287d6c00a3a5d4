import { ConfigurationError, JobNotFoundError, type QueueChange } from '@hangar/core';
import { queueAdapterContract, sleep, testJob, testWorker } from '@hangar/core/testing';
import pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { PostgresQueue } from './postgres-queue.js';
import { postgresTestScope } from './postgres-test-scope.js';
import { CLAIMABLE_STATES } from './state-sql.js';
import { adminQuery, dropSchema, postgresSkipReason, randomSchema, TEST_PG_URL } from './test-database.js';

queueAdapterContract({
  countsJobs: true,
  storesTriggers: true,
  name: 'postgres',
  skipReason: postgresSkipReason,
  joinsTransactions: true,
  async setup() {
    const schema = randomSchema();
    return {
      create: () => PostgresQueue.connect({ connectionString: TEST_PG_URL, schema, poolSize: 4 }),
      teardown: () => dropSchema(schema),
    };
  },
});

const W1 = testWorker('worker-1');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

describe('PostgresQueue', () => {
  const db = postgresTestScope();
  const open = db.open;
  let schema: string;
  beforeEach(() => {
    schema = db.schema;
  });

  it('rejects bad options with a ConfigurationError saying what to fix', async () => {
    expect(() => new PostgresQueue({})).toThrow(ConfigurationError);
    expect(() => new PostgresQueue({ connectionString: TEST_PG_URL, schema: 'Bad-Name' })).toThrow(
      /lower-case/,
    );
    expect(() => new PostgresQueue({ connectionString: TEST_PG_URL, pollIntervalMs: 0 })).toThrow(
      /pollIntervalMs/,
    );
    const pool = new pg.Pool({ connectionString: TEST_PG_URL });
    expect(() => new PostgresQueue({ connectionString: TEST_PG_URL, pool })).toThrow(/not both/);
    await pool.end();
  });

  it('works on a caller-owned pool and leaves it open on close', async () => {
    const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 3 });
    try {
      const queue = new PostgresQueue({ pool, schema });
      const { id } = await queue.enqueue(testJob());
      await queue.close();
      expect(
        (await pool.query(`SELECT count(*)::int AS n FROM "${schema}".job WHERE id = $1`, [id])).rows[0],
      ).toEqual({
        n: 1,
      });
    } finally {
      await pool.end();
    }
  });

  it('keeps a job enqueued in a rolled-back transaction out, and one in a committed transaction in', async () => {
    const a = await open();
    const b = await open();
    const changes: QueueChange[] = [];
    await b.subscribe((c) => changes.push(c));
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      const rolledBack = await a.enqueue(testJob({ params: { n: 'rolled back' } }), { transaction: client });
      expect(await b.get(rolledBack.id)).toBeUndefined();
      await client.query('ROLLBACK');
      expect(await b.get(rolledBack.id)).toBeUndefined();

      await client.query('BEGIN');
      const [kept] = await a.enqueueMany([testJob({ params: { n: 'kept' } })], { transaction: client });
      await client.query('COMMIT');
      expect((await b.get(kept?.id ?? ''))?.state).toBe('Enqueued');
      await vi.waitFor(() =>
        expect(changes.some((c) => c.kind === 'enqueued' && c.jobId === kept?.id)).toBe(true),
      );
      expect(changes.some((c) => c.jobId === rolledBack.id)).toBe(false);
    } finally {
      await client.end();
    }
    await expect(a.enqueue(testJob(), { transaction: 'nope' })).rejects.toThrow(ConfigurationError);
  });

  it('migrates safely from three adapters at once, and re-running is a no-op', async () => {
    const queues = [1, 2, 3].map(
      () => new PostgresQueue({ connectionString: TEST_PG_URL, schema, poolSize: 2, autoMigrate: false }),
    );
    db.track(...queues);
    const applied = await Promise.all(queues.map((q) => q.migrate()));
    expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await Promise.all(queues.map((q) => q.migrate()))).toEqual([[], [], []]);
    const versions = await adminQuery(`SELECT version FROM "${schema}".migration`);
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    const { id } = await queues[2]!.enqueue(testJob());
    expect((await queues[0]!.get(id))?.state).toBe('Enqueued');
  });

  it('listens again after its connection is killed and still delivers cancellations', async () => {
    const a = await open({ reconnectDelayMs: 20, pollIntervalMs: 60_000 });
    const b = await open();
    const seen: string[] = [];
    await a.onCancelRequest(W1.id, (jobId) => seen.push(jobId));
    const [first, second] = await a.enqueueMany([testJob(), testJob()]);
    await a.claim({ ...claimAll, worker: W1 });
    const listenQuery = `LISTEN "hangar_${schema}"`;
    const killed = await adminQuery<{ pid: number }>(
      'SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1',
      [listenQuery],
    );
    expect(killed).toHaveLength(1);
    // Requested while nobody listens: the NOTIFY is lost, the catch-up after reconnecting finds it.
    expect(await b.requestCancel(first!.id)).toBe('requested');
    await vi.waitFor(() => expect(seen).toEqual([first!.id]), { timeout: 3000, interval: 10 });
    const listeners = await adminQuery<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE query = $1', [
      listenQuery,
    ]);
    expect(listeners).toHaveLength(1);
    expect(listeners[0]?.pid).not.toBe(killed[0]?.pid);
    // Requested after the reconnection: delivered by NOTIFY within the contract's second.
    expect(await b.requestCancel(second!.id)).toBe('requested');
    await vi.waitFor(() => expect(seen).toEqual([first!.id, second!.id]), { timeout: 1000, interval: 10 });
  });

  it('publishes log entries and cancellations of long worker ids across processes', async () => {
    const a = await open();
    const b = await open();
    const changes: QueueChange[] = [];
    await b.subscribe((c) => changes.push(c));
    const longWorker = testWorker(`worker-${'x'.repeat(300)}`);
    const cancelled: string[] = [];
    await b.onCancelRequest(longWorker.id, (jobId) => cancelled.push(jobId));
    const { id } = await a.enqueue(testJob());
    await a.claim({ ...claimAll, worker: longWorker });
    await a.appendLog(id, [
      { at: new Date(), level: 'progress', message: { key: 'p.one' }, current: 1, total: 2 },
    ]);
    expect(await a.requestCancel(id)).toBe('requested');
    await vi.waitFor(() => {
      const log = changes.find((c) => c.kind === 'log' && c.jobId === id);
      expect(log?.entry).toMatchObject({
        seq: 1,
        level: 'progress',
        message: { key: 'p.one' },
        current: 1,
        total: 2,
      });
      expect(log?.entry?.at).toBeInstanceOf(Date);
      expect(changes.some((c) => c.kind === 'cancel-requested' && c.jobId === id)).toBe(true);
      expect(cancelled).toEqual([id]);
    });
    await expect(
      a.appendLog('424242', [{ at: new Date(), level: 'info', message: { key: 'x' } }]),
    ).rejects.toThrow(JobNotFoundError);
  });

  it('enqueues thousands of jobs in one call, in order, with idempotency keys inside the batch', async () => {
    const a = await open();
    const requests = Array.from({ length: 5000 }, (_, n) =>
      testJob({ params: { n }, customerId: `c${n % 7}` }),
    );
    requests.push(testJob({ idempotencyKey: 'dup', customerId: 'c1', params: { n: 'first' } }));
    requests.push(testJob({ idempotencyKey: 'dup', customerId: 'c1', params: { n: 'second' } }));
    const started = Date.now();
    const results = await a.enqueueMany(requests);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(results.slice(0, 5000).map((r) => (r.job.params as { n: number }).n)).toEqual(
      Array.from({ length: 5000 }, (_, n) => n),
    );
    const [first, second] = results.slice(5000);
    expect(first?.created).toBe(true);
    expect(second).toMatchObject({ created: false, id: first?.id });
    expect(second?.job.params).toEqual({ n: 'first' });
  });

  it('completes a batch of several workers and odd results in one turn, each only for its holder', async () => {
    const a = await open();
    const W2 = testWorker('worker-2');
    const jobs = await a.enqueueMany([testJob(), testJob(), testJob()]);
    const [first, second, third] = jobs.map((j) => j.id) as [string, string, string];
    await a.claim({ ...claimAll, limit: 2, worker: W1 });
    await a.claim({ ...claimAll, worker: W2 });
    const odd = { text: 'quote " backslash \\ brace } comma , é 漢 😀', nested: [{ n: 1.5 }, null] };
    // all in one turn of the event loop: one batch, one statement per worker
    const done = await Promise.all([
      a.complete(first, W1.id, { success: true, result: odd }),
      a.complete(second, W2.id, { success: true }),
      a.complete(third, W2.id, { success: true, result: 3 }),
      a.complete(second + '0', W1.id, { success: true }),
    ]);
    expect(done).toEqual([true, false, true, false]);
    expect((await a.get(first))?.result).toEqual({ success: true, result: odd });
    expect((await a.get(second))?.state).toBe('Processing');
    expect((await a.get(third))?.result).toEqual({ success: true, result: 3 });
  });

  it('maps absent optional fields to undefined, not null', async () => {
    const a = await open();
    const { job } = await a.enqueue(testJob());
    for (const key of [
      'customerId',
      'userId',
      'idempotencyKey',
      'concurrencyKey',
      'parentId',
      'timeoutMs',
    ] as const) {
      expect(job[key]).toBeUndefined();
    }
    for (const key of ['worker', 'leaseExpiresAt', 'progress', 'result', 'errorInfo', 'metadata'] as const) {
      expect(job[key]).toBeUndefined();
    }
    expect(job.startedAt).toBeUndefined();
    expect(job.finishedAt).toBeUndefined();
    expect(job.createdAt).toBeInstanceOf(Date);
  });

  it('returns from a claim the very record a read returns, on a first attempt and on a retry', async () => {
    const queue = await open();
    const parent = await queue.enqueue(testJob());
    await queue.claim({ ...claimAll, worker: W1 });
    await queue.complete(parent.id, W1.id, { success: true });
    const job = await queue.enqueue(
      testJob({
        parentId: parent.id,
        priority: -2,
        runAt: new Date(Date.now() - 1000),
        customerId: 'cust-1',
        userId: 'user-1',
        idempotencyKey: 'key-1',
        concurrencyKey: 'conc-1',
        timeoutMs: 1500,
        metadata: { origin: 'test' },
      }),
    );
    const [first] = await queue.claim({ ...claimAll, worker: W1 });
    expect(first?.id).toBe(job.id);
    expect(first).toEqual(await queue.get(job.id));
    const error = { code: 'X', key: 'x', params: {}, severity: 'error' as const };
    await queue.fail(job.id, W1.id, { errorInfo: [error], retryAt: new Date(Date.now() - 1) });
    const [retry] = await queue.claim({ ...claimAll, worker: W1 });
    expect(retry?.attempts).toBe(2);
    expect(retry?.errorInfo).toEqual([error]);
    expect(retry).toEqual(await queue.get(job.id));
  });

  it('never leaves a child Awaiting when its parent finishes while the child is enqueued', async () => {
    const a = await open();
    const b = await open();
    const parents = await a.enqueueMany(Array.from({ length: 40 }, () => testJob()));
    await a.claim({ ...claimAll, worker: W1 });
    const children = await Promise.all(
      parents.map(async (parent, i) => {
        const finish = i % 2 === 0 ? a.complete(parent.id, W1.id, { success: true }) : Promise.resolve(true);
        const child = b.enqueue(testJob({ type: 'child.job', parentId: parent.id }));
        const later = i % 2 === 1 ? a.complete(parent.id, W1.id, { success: true }) : Promise.resolve(true);
        const [done, created, doneLater] = await Promise.all([finish, child, later]);
        expect([i, done, doneLater]).toEqual([i, true, true]);
        return created.id;
      }),
    );
    const states = await Promise.all(children.map(async (id) => (await a.get(id))?.state));
    expect(states).toEqual(children.map(() => 'Enqueued'));
  });

  it('promotes a child whose enqueue transaction commits while its parent is completing', async () => {
    const a = await open();
    const parent = await a.enqueue(testJob());
    await a.claim({ ...claimAll, worker: W1 });
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      const child = await a.enqueue(testJob({ parentId: parent.id }), { transaction: client });
      expect(child.job.state).toBe('Awaiting');
      // The child's enqueue marked the parent row, which stays locked: completion waits for its commit.
      const completing = a.complete(parent.id, W1.id, { success: true });
      await sleep(150);
      expect((await a.get(parent.id))?.state).toBe('Processing');
      await client.query('COMMIT');
      expect(await completing).toBe(true);
      expect((await a.get(child.id))?.state).toBe('Enqueued');
    } finally {
      await client.end();
    }
  });

  it('holds per-customer and concurrency-key limits under many concurrent claimers', async () => {
    const queues = [await open(), await open(), await open()];
    const jobs = Array.from({ length: 90 }, (_, n) =>
      testJob({ customerId: `c${n % 3}`, concurrencyKey: n % 5 === 0 ? `k${n % 2}` : undefined }),
    );
    await queues[0]!.enqueueMany(jobs);
    let finished = 0;
    for (let round = 0; round < 200 && finished < jobs.length; round++) {
      const batches = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          queues[i % 3]!.claim({ ...claimAll, limit: 4, maxPerCustomer: 3, worker: testWorker(`w${i}`) }),
        ),
      );
      const running = await adminQuery<{ customer_id: string; n: number; keys: number; keyed: number }>(
        `SELECT customer_id, count(*)::int AS n, count(DISTINCT concurrency_key)::int AS keys,
                count(concurrency_key)::int AS keyed
           FROM "${schema}".job WHERE state = 'Processing' GROUP BY customer_id`,
      );
      for (const row of running) expect(row.n).toBeLessThanOrEqual(3);
      const keyRows = await adminQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".job WHERE state = 'Processing' AND concurrency_key IS NOT NULL
          GROUP BY concurrency_key`,
      );
      for (const row of keyRows) expect(row.n).toBe(1);
      for (const [i, batch] of batches.entries()) {
        for (const job of batch) {
          expect(await queues[0]!.complete(job.id, `w${i}`, { success: true })).toBe(true);
          finished++;
        }
      }
    }
    expect(finished).toBe(jobs.length);
  });

  it('deletes finished jobs in bounded batches', async () => {
    const a = await open();
    await a.enqueueMany(Array.from({ length: 25 }, () => testJob()));
    for (const job of await a.claim({ ...claimAll, worker: W1 }))
      await a.complete(job.id, W1.id, { success: true });
    await sleep(5);
    const policy = { succeededMs: 0, failedMs: 0, cancelledMs: 0, batchSize: 10 };
    expect(await a.cleanup(policy)).toBe(10);
    expect(await a.cleanup(policy)).toBe(10);
    expect(await a.cleanup(policy)).toBe(5);
    expect(await a.cleanup(policy)).toBe(0);
  });

  it('uses the partial runnable index to claim among many finished jobs', async () => {
    const a = await open();
    await adminQuery(
      `INSERT INTO "${schema}".job (type, queue, state, max_attempts, finished_at)
       SELECT 'test.job', 'default', 'Succeeded', 1, now() FROM generate_series(1, 50000)`,
    );
    await adminQuery(`ANALYZE "${schema}".job`);
    const { id } = await a.enqueue(testJob());
    const plan = await adminQuery<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM "${schema}".job WHERE state IN (${CLAIMABLE_STATES}) AND run_at <= now()
        ORDER BY priority, run_at, id LIMIT 10`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('job_runnable_idx');
    expect((await a.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
  });
});
