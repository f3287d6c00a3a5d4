import type { JobRecord, LogEntry } from '@hangar/core';
import { testJob, testWorker } from '@hangar/core/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, runMigrations } from './migrations.js';
import { PostgresQueue } from './postgres-queue.js';
import { postgresTestScope } from './postgres-test-scope.js';
import { schemaNames } from './schema-names.js';
import { adminQuery, TEST_PG_URL } from './test-database.js';

const OLD_RUNNER = testWorker('runner-of-schema-8');
const NEW_RUNNER = testWorker('runner-of-schema-9');
const lease = 30_000;
const anError = [{ code: 'BOOM', key: 'test.boom', params: {}, severity: 'error' as const }];
const claimOf = (types: string[], limit = 100) => ({ queues: ['default'], types, limit, leaseMs: lease });

/** Every job of the queue, as `get` and `getLog` show them, by id. */
async function snapshot(queue: PostgresQueue, ids: string[]) {
  const jobs = new Map<string, { job: JobRecord | undefined; log: LogEntry[] }>();
  for (const id of ids) jobs.set(id, { job: await queue.get(id), log: await queue.getLog(id) });
  return jobs;
}

describe('PostgreSQL schema upgrade from version 8', () => {
  const db = postgresTestScope();
  let pool: pg.Pool;
  beforeEach(() => {
    pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
  });
  afterEach(async () => {
    await pool.end();
  });

  it('keeps live, waiting, running and finished jobs with their logs, and runs them after the upgrade', async () => {
    const names = schemaNames(db.schema);
    expect(await runMigrations(pool, names, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A runner of the previous release: same statements, no migration of its own.
    const old = new PostgresQueue({ connectionString: TEST_PG_URL, schema: db.schema, autoMigrate: false });
    db.track(old);

    const done = await old.enqueue(testJob({ type: 'done.job', customerId: 'acme' }));
    await old.claim({ ...claimOf(['done.job']), worker: OLD_RUNNER });
    await old.appendLog(done.id, [
      { at: new Date(), level: 'info', message: { key: 'test.started' } },
      { at: new Date(), level: 'progress', message: { key: 'test.half' }, current: 1, total: 2 },
    ]);
    expect(await old.complete(done.id, OLD_RUNNER.id, { success: true, result: { rows: 2 } })).toBe(true);
    const failed = await old.enqueue(testJob({ type: 'failed.job', maxAttempts: 1 }));
    await old.claim({ ...claimOf(['failed.job']), worker: OLD_RUNNER });
    expect(await old.fail(failed.id, OLD_RUNNER.id, { errorInfo: anError })).toBe(true);
    const running = await old.enqueue(testJob({ type: 'running.job', customerId: 'acme' }));
    const [claimed] = await old.claim({ ...claimOf(['running.job']), worker: OLD_RUNNER });
    expect(claimed?.leaseExpiresAt).toBeInstanceOf(Date);
    await old.appendLog(running.id, [{ at: new Date(), level: 'info', message: { key: 'test.running' } }]);
    const parent = await old.enqueue(testJob({ type: 'parent.job' }));
    const child = await old.enqueue(
      testJob({ type: 'child.job', parents: [{ id: parent.id, on: 'success' }] }),
    );
    const queued = await old.enqueue(testJob({ type: 'queued.job', customerId: 'globex', priority: 5 }));
    const later = await old.enqueue(testJob({ type: 'queued.job', runAt: new Date(Date.now() + 3_600_000) }));
    const ids = [done.id, failed.id, running.id, parent.id, child.id, queued.id, later.id];

    const before = await snapshot(old, ids);
    expect([...before.values()].map((j) => j.job?.state)).toEqual([
      'Succeeded',
      'Failed',
      'Processing',
      'Enqueued',
      'Awaiting',
      'Enqueued',
      'Scheduled',
    ]);
    const listedBefore = await old.list({ limit: 100 });
    // when the finished jobs were counted differs from call to call; what was counted may not
    const { finishedCountedAt: _countedBefore, ...countsBefore } = await old.countJobs();

    const upgraded = await db.open();
    expect(await adminQuery(`SELECT max(version) AS v FROM "${db.schema}".migration`)).toEqual([
      { v: LATEST_SCHEMA_VERSION },
    ]);
    expect(LATEST_SCHEMA_VERSION).toBe(10);

    // Nothing lost or changed: every record and log, the listing and the counts.
    expect(await snapshot(upgraded, ids)).toEqual(before);
    expect(await upgraded.list({ limit: 100 })).toEqual(listedBefore);
    const { finishedCountedAt: _countedAfter, ...countsAfter } = await upgraded.countJobs();
    expect(countsAfter).toEqual(countsBefore);

    // The job the old runner holds is still its own: its heartbeat and completion count.
    expect(await upgraded.heartbeat(OLD_RUNNER.id, [running.id], lease)).toEqual([running.id]);
    expect(
      await old.complete(running.id, OLD_RUNNER.id, { success: true, result: 'after the upgrade' }),
    ).toBe(true);

    // The new runner takes the queued jobs, not the waiting child nor the one due in an hour.
    const taken = await upgraded.claim({
      ...claimOf(['parent.job', 'child.job', 'queued.job']),
      worker: NEW_RUNNER,
    });
    expect(taken.map((j) => j.id).sort()).toEqual([parent.id, queued.id].sort());
    expect(await upgraded.complete(parent.id, NEW_RUNNER.id, { success: true })).toBe(true);
    expect(await upgraded.complete(queued.id, NEW_RUNNER.id, { success: true })).toBe(true);
    // The parent's success released the child stored before the upgrade.
    const [released] = await upgraded.claim({ ...claimOf(['child.job']), worker: NEW_RUNNER });
    expect(released?.id).toBe(child.id);
    expect(await upgraded.complete(child.id, NEW_RUNNER.id, { success: true, result: 'released' })).toBe(
      true,
    );

    const after = await snapshot(upgraded, ids);
    expect([...after.values()].map((j) => j.job?.state)).toEqual([
      'Succeeded',
      'Failed',
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Scheduled',
    ]);
    expect(after.get(running.id)?.log).toEqual(before.get(running.id)?.log);
    expect(after.get(running.id)?.job?.result).toEqual({ success: true, result: 'after the upgrade' });
  });

  it('lets a runner of schema 8 keep claiming and completing on schema 9', async () => {
    const names = schemaNames(db.schema);
    await runMigrations(pool, names, 8);
    const old = new PostgresQueue({ connectionString: TEST_PG_URL, schema: db.schema, autoMigrate: false });
    db.track(old);
    const upgraded = await db.open();
    const { id } = await upgraded.enqueue(testJob());
    const [job] = await old.claim({ ...claimOf(['test.job']), worker: OLD_RUNNER });
    expect(job?.id).toBe(id);
    expect(await old.complete(id, OLD_RUNNER.id, { success: true })).toBe(true);
    expect((await upgraded.get(id))?.state).toBe('Succeeded');
  });
});

describe('PostgreSQL claim commit (schema version 9)', () => {
  const db = postgresTestScope();

  it('commits a claim that took jobs without waiting for the WAL flush, and leaves other work as it was', async () => {
    const queue = await db.open();
    await queue.enqueue(testJob());
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    const claim = `SELECT id FROM "${db.schema}".claim('w', 'h', 1, '{default}', '{test.job}', 10, 30000, NULL)`;
    const setting = async () =>
      (await client.query<{ s: string }>(`SELECT current_setting('synchronous_commit') AS s`)).rows[0]?.s;
    try {
      const configured = await setting();
      await client.query('BEGIN');
      expect((await client.query(claim)).rows).toHaveLength(1);
      expect(await setting()).toBe('off');
      await client.query('COMMIT');
      // Only for the claim's own transaction.
      expect(await setting()).toBe(configured);
      await client.query('BEGIN');
      expect((await client.query(claim)).rows).toHaveLength(0);
      expect(await setting()).toBe(configured);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  });
});
