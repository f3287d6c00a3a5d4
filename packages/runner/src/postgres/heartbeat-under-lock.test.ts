import { testJob, testWorker } from '@hangar/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresTestScope } from './postgres-test-scope.js';
import { TEST_PG_URL } from './test-database.js';

const W1 = testWorker('worker-1');

// A job that writes messages without pause keeps its row locked by one `appendLog` after
// another. The heartbeat skips locked rows (so it never deadlocks with a batch of completions),
// and skipped beat after beat, such a job lost its lease while it ran and ran again: reproduced
// with a job writing progress every millisecond under a 1.5 s lease (run 3 times, Failed with
// LEASE_EXPIRED). Here the lock is held by hand, as a long log write would.
describe('PostgresQueue heartbeat of a job whose row is locked', () => {
  const scope = postgresTestScope();

  it('extends the lease once the lock is released, instead of skipping it', async () => {
    const queue = await scope.open();
    const { id } = await queue.enqueue(testJob({}));
    const [claimed] = await queue.claim({
      queues: ['default'],
      types: ['test.job'],
      limit: 1,
      leaseMs: 1_000,
      worker: W1,
    });
    expect(claimed?.id).toBe(id);
    const before = claimed?.leaseExpiresAt?.getTime() ?? 0;

    const holder = new pg.Client({ connectionString: TEST_PG_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "${scope.schema}".job WHERE id = $1 FOR UPDATE`, [id]);
      let beaten = false;
      const beat = queue.heartbeat(W1.id, [id], 60_000).then((held) => {
        beaten = true;
        return held;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // It waits for the lock (one row per statement, holding nothing else meanwhile).
      expect(beaten).toBe(false);
      await holder.query('COMMIT');
      expect(await beat).toEqual([id]);
    } finally {
      await holder.end();
    }
    const after = (await queue.get(id))?.leaseExpiresAt?.getTime() ?? 0;
    expect(after - before).toBeGreaterThan(50_000);
  });

  it('gives up waiting after a third of the lease when the lock stays held, reporting the job held', async () => {
    const queue = await scope.open();
    const { id } = await queue.enqueue(testJob({}));
    await queue.claim({ queues: ['default'], types: ['test.job'], limit: 1, leaseMs: 1_000, worker: W1 });
    const before = (await queue.get(id))?.leaseExpiresAt?.getTime() ?? 0;
    const holder = new pg.Client({ connectionString: TEST_PG_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "${scope.schema}".job WHERE id = $1 FOR UPDATE`, [id]);
      // Resolves while the lock is still held (an open transaction elsewhere must not keep a
      // connection per beat), without an error: the next beat tries again.
      expect(await queue.heartbeat(W1.id, [id], 1_500)).toEqual([id]);
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    expect((await queue.get(id))?.leaseExpiresAt?.getTime()).toBe(before);
    // and the pool still works
    expect(await queue.heartbeat(W1.id, [id], 60_000)).toEqual([id]);
  });

  it('reports a locked job that ended meanwhile as held by that beat, and leaves it ended', async () => {
    const queue = await scope.open();
    const { id } = await queue.enqueue(testJob({}));
    await queue.claim({ queues: ['default'], types: ['test.job'], limit: 1, leaseMs: 1_000, worker: W1 });
    const holder = new pg.Client({ connectionString: TEST_PG_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      // The row is being completed by this worker's own batch when the beat comes.
      await holder.query(
        `UPDATE "${scope.schema}".job SET state = 'Succeeded', finished_at = now(), lease_expires_at = NULL WHERE id = $1`,
        [id],
      );
      const beat = queue.heartbeat(W1.id, [id], 60_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query('COMMIT');
      expect(await beat).toEqual([id]);
    } finally {
      await holder.end();
    }
    const job = await queue.get(id);
    expect(job?.state).toBe('Succeeded');
    expect(job?.leaseExpiresAt).toBeUndefined();
  });
});
