import type { QueueChange } from '@hangar/core';
import { sleep, testJob, testWorker } from '@hangar/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import type { PostgresQueue } from './postgres-queue.js';
import { postgresTestScope } from './postgres-test-scope.js';
import { schemaNames } from './schema-names.js';
import { adminQuery } from './test-database.js';

const W1 = testWorker('worker-1');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

/** Inserts a job row by hand, as an older runner's enqueue or an operator would. */
async function insertRow(schema: string, state: string, parentId?: string): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO "${schema}".job (type, queue, state, max_attempts, params, parent_id)
     VALUES ('test.job', 'default', $1, 1, '{}', $2) RETURNING id::text AS id`,
    [state, parentId ?? null],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

async function stateOf(schema: string, id: string): Promise<string | undefined> {
  const [row] = await adminQuery<{ state: string }>(`SELECT state FROM "${schema}".job WHERE id = $1`, [id]);
  return row?.state;
}

/**
 * Schema version 4 moved the change notifications from statement triggers into the adapter's
 * statements. These tests hold what the triggers used to guarantee for everything else: updates
 * made outside those statements, and children of jobs written before the upgrade.
 */
describe('PostgresQueue change publishing (schema version 4)', () => {
  const db = postgresTestScope();
  const open = () => db.open();
  let schema: string;
  beforeEach(() => {
    schema = db.schema;
  });
  const changesOf = async (queue: PostgresQueue) => {
    const seen: QueueChange[] = [];
    await queue.subscribe((change) => seen.push(change));
    return seen;
  };
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await sleep(20);
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };

  it('publishes its own transitions once, and a state changed by a hand-written UPDATE too', async () => {
    const queue = await open();
    const seen = await changesOf(queue);
    const jobs = await queue.enqueueMany([testJob(), testJob(), testJob()]);
    const other = await queue.enqueue(testJob({ type: 'other.job' }));
    expect(await queue.claim({ ...claimAll, worker: W1 })).toHaveLength(3);
    // Completions of one turn go out as one statement. Were its rows published a second time by
    // the row trigger, each job would be named once more in a payload of its own (PostgreSQL
    // only folds identical payloads of one transaction).
    const done = await Promise.all(jobs.map((job) => queue.complete(job.id, W1.id, { success: true })));
    expect(done).toEqual([true, true, true]);
    await adminQuery(`UPDATE "${schema}".job SET state = 'Cancelled', finished_at = now() WHERE id = $1`, [
      other.id,
    ]);
    await until(
      () => seen.some((c) => c.jobId === other.id && c.state === 'Cancelled'),
      'the hand-made change',
    );
    await sleep(100);
    const statesOf = (id: string) =>
      seen.filter((c) => c.jobId === id && c.kind === 'state').map((c) => c.state);
    for (const job of jobs) expect(statesOf(job.id)).toEqual(['Processing', 'Succeeded']);
    expect(statesOf(other.id)).toEqual(['Cancelled']);
  });

  it('releases the Awaiting child of a job written before the upgrade to version 4', async () => {
    const names = schemaNames(schema);
    await adminQuery(`CREATE SCHEMA "${schema}"`);
    await adminQuery(
      `CREATE TABLE ${names.migration} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) {
      await adminQuery(migration.sql(names));
      await adminQuery(`INSERT INTO ${names.migration} (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    const parent = await insertRow(schema, 'Enqueued');
    const child = await insertRow(schema, 'Awaiting', parent);
    const queue = await open();
    await queue.migrate();
    const seen = await changesOf(queue);
    await queue.claim({ ...claimAll, worker: W1 });
    expect(await queue.complete(parent, W1.id, { success: true })).toBe(true);
    expect(await stateOf(schema, child)).toBe('Enqueued');
    await until(() => seen.some((c) => c.jobId === child && c.state === 'Enqueued'), "the child's release");
  });

  it('publishes children an older runner inserted, marks their parents, and cancels grandchildren when one fails', async () => {
    const queue = await open();
    const seen = await changesOf(queue);
    const ok = await queue.enqueue(testJob({ maxAttempts: 1 }));
    const failing = await queue.enqueue(testJob({ maxAttempts: 1 }));
    const released = await insertRow(schema, 'Awaiting', ok.id);
    const child = await insertRow(schema, 'Awaiting', failing.id);
    const grandchild = await insertRow(schema, 'Awaiting', child);
    await queue.claim({ ...claimAll, worker: W1 });
    expect(await queue.complete(ok.id, W1.id, { success: true })).toBe(true);
    const error = { code: 'X', key: 'x', params: {}, severity: 'error' as const };
    expect(await queue.fail(failing.id, W1.id, { errorInfo: [error] })).toBe(true);
    expect(await stateOf(schema, released)).toBe('Enqueued');
    expect(await stateOf(schema, child)).toBe('Cancelled');
    expect(await stateOf(schema, grandchild)).toBe('Cancelled');
    for (const id of [released, child, grandchild]) {
      await until(() => seen.some((c) => c.jobId === id && c.kind === 'enqueued'), `the insert of ${id}`);
    }
  });

  it('hands a wake-ups-only listener only wake-ups, and every change to a full listener beside it', async () => {
    const queue = await open();
    const wakeUps: QueueChange[] = [];
    await queue.subscribe((change) => wakeUps.push(change), { wakeUpsOnly: true });
    const first = await queue.enqueue(testJob());
    await queue.claim({ ...claimAll, worker: W1 });
    await queue.complete(first.id, W1.id, { success: true });
    const all = await changesOf(queue);
    const second = await queue.enqueue(testJob());
    await queue.claim({ ...claimAll, worker: W1 });
    await queue.complete(second.id, W1.id, { success: true });
    await until(
      () => all.some((c) => c.jobId === second.id && c.state === 'Succeeded'),
      'the second success',
    );
    await until(() => wakeUps.some((c) => c.jobId === second.id), 'the second enqueue');
    // a worker's own claims and completions are not handed to the listener that only wakes it
    expect(wakeUps.map((c) => [c.jobId, c.kind, c.state])).toEqual([
      [first.id, 'enqueued', 'Enqueued'],
      [second.id, 'enqueued', 'Enqueued'],
    ]);
    expect(all.filter((c) => c.jobId === second.id).map((c) => c.state)).toEqual([
      'Enqueued',
      'Processing',
      'Succeeded',
    ]);
  });
});
