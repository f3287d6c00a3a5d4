import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkInsert, consoDbToken } from '@hangar/conso-db';
import { loadTwoTenantFixture, type TwoTenantFixture } from '@hangar/conso-db/testing';
import type { ServiceRegistration } from '@hangar/core';
import { openTestDb, type TestDb, testBackends } from '@hangar/jobs-importexport/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUtilsHarness, type UtilsHarness } from '../testing/runner-harness.js';
import { CLEANUP_JOB_TYPE as TYPE } from './cleanup-job.js';

const OLD = new Date(Date.now() - 40 * 86_400_000);
const backends = await testBackends();

describe.each(backends)('utils.cleanup on $kind', ({ kind, skipReason }) => {
  let test: TestDb;
  let fx: TwoTenantFixture;
  let h: UtilsHarness;
  let files: string;
  let outside: string;

  beforeAll(async () => {
    if (skipReason) return;
    test = await openTestDb(kind);
    fx = await loadTwoTenantFixture(test.consoDb.db);
    files = join(test.dir, 'files');
    outside = await mkdtemp(join(tmpdir(), 'hangar-utils-keep-'));
    await mkdir(files);
    h = await startUtilsHarness(
      {
        sql: { connections: { memory: 'sqlite::memory:' } },
        cleanup: { directories: [files], batchSize: 10, allowedCustomers: [fx.a.code] },
      },
      [{ token: consoDbToken, value: test.consoDb } as ServiceRegistration],
    );
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    await test?.cleanup();
    if (outside) await rm(outside, { recursive: true, force: true });
  });

  const logRows = async (customerId: number) =>
    Number(
      (
        await test.consoDb.db
          .selectFrom('modification_log')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('customer_id', '=', customerId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const addLog = (customerId: number, n: number, at: Date) =>
    bulkInsert(
      test.consoDb.db,
      'modification_log',
      Array.from({ length: n }, (_, i) => ({
        customer_id: customerId,
        log_group: 'test',
        message_key: 'test.entry',
        params: JSON.stringify({ i }),
        conso_id: null,
        user_id: null,
        screen: null,
        logged_at: at.toISOString(),
      })),
    );
  const result = (job: { result?: { result?: unknown } }) => job.result?.result as { kinds: unknown[] };

  it.skipIf(skipReason)(
    'deletes finished jobs past their retention through the queue, after a dry run that deletes nothing',
    async () => {
      await h.run('utils.run-sql-command', { connection: 'memory', script: 'select 1' });
      await h.run('utils.run-sql-command', { connection: 'nope', script: 'select 1' });
      await h.run('utils.run-sql-command', { connection: 'nope', script: 'select 2' });
      const finished = async () =>
        (await h.runner.client.list({ states: ['Succeeded', 'Failed'], types: ['utils.run-sql-command'] }))
          .items.length;
      expect(await finished()).toBe(3);
      // An age of 0 days keeps what finished in this very millisecond: let the clock move on.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const ages = { succeededJobDays: 0, failedJobDays: 0 };
      const dry = await h.run(TYPE, { kinds: ['jobs'], dryRun: true, ...ages });
      expect(result(dry).kinds).toEqual([{ kind: 'jobs', count: 3, bytes: null }]);
      expect(await finished()).toBe(3);
      const kept = await h.run(TYPE, { kinds: ['jobs'], succeededJobDays: 1, failedJobDays: 1 });
      expect(result(kept).kinds).toEqual([{ kind: 'jobs', count: 0, bytes: null }]);
      const real = await h.run(TYPE, { kinds: ['jobs'], ...ages });
      // The three jobs and the earlier cleanups (all finished before this one started).
      expect(result(real).kinds).toEqual([{ kind: 'jobs', count: 5, bytes: null }]);
      expect(await finished()).toBe(0);
      const progress = (await h.log(real.id)).filter((e) => e.level === 'progress');
      expect(progress.at(-1)).toMatchObject({
        current: 1,
        total: 1,
        message: { key: 'utils.progress.cleanupKindDone' },
      });
    },
  );

  it.skipIf(skipReason)(
    'deletes old files in the directories, counting bytes, never following links',
    async () => {
      await mkdir(join(files, 'exports', 'run1'), { recursive: true });
      const old = [join(files, 'old.csv'), join(files, 'exports', 'run1', 'cube.parquet')];
      await writeFile(old[0]!, '0123456789');
      await writeFile(old[1]!, 'x'.repeat(25));
      await writeFile(join(files, 'new.csv'), 'fresh');
      await writeFile(join(outside, 'target.txt'), 'keep me');
      await symlink(join(outside, 'target.txt'), join(files, 'link.txt'));
      await symlink(outside, join(files, 'linked-dir'));
      for (const path of [...old, join(outside, 'target.txt')]) await utimes(path, OLD, OLD);
      const dry = await h.run(TYPE, { kinds: ['files'], dryRun: true });
      expect(result(dry).kinds).toEqual([{ kind: 'files', count: 2, bytes: 35 }]);
      expect((await readdir(files)).sort()).toEqual([
        'exports',
        'link.txt',
        'linked-dir',
        'new.csv',
        'old.csv',
      ]);
      const real = await h.run(TYPE, { kinds: ['files'] });
      expect(result(real).kinds).toEqual([{ kind: 'files', count: 2, bytes: 35 }]);
      expect((await readdir(files)).sort()).toEqual(['link.txt', 'linked-dir', 'new.csv']);
      expect(await readdir(outside)).toEqual(['target.txt']);
    },
  );

  it.skipIf(skipReason)(
    'drops staging tables interrupted imports left behind, and nothing else',
    async () => {
      const db = test.consoDb.db;
      for (const name of [
        'ie_data_0badf00d',
        'ie_adjustments_deadbeef',
        'ie_notes',
        'imports_data_0badf00d',
      ]) {
        await sql`create table ${sql.id(name)} (row_no integer)`.execute(db);
        await sql`insert into ${sql.id(name)} (row_no) values (1)`.execute(db);
      }
      const dry = await h.run(TYPE, { kinds: ['staging'], dryRun: true });
      expect(result(dry).kinds).toMatchObject([{ kind: 'staging', count: 2 }]);
      const real = await h.run(TYPE, { kinds: ['staging'] });
      const [staging] = result(real).kinds as [{ count: number; bytes: number | null }];
      expect(staging.count).toBe(2);
      if (kind === 'postgres') expect(staging.bytes).toBeGreaterThan(0);
      const tables = (await db.introspection.getTables())
        .map((t) => t.name)
        .filter((n) => /^(ie|imports)_/.test(n));
      expect(tables.sort()).toEqual(['ie_notes', 'imports_data_0badf00d']);
    },
  );

  it.skipIf(skipReason)(
    "cleans a customer's own modification log only; a system job may clean all",
    async () => {
      await addLog(fx.a.customerId, 3, OLD);
      await addLog(fx.a.customerId, 2, new Date());
      await addLog(fx.b.customerId, 4, OLD);
      const own = await h.run(TYPE, { modificationLogDays: 30 }, fx.a.code);
      expect(own.state).toBe('Succeeded');
      expect(result(own).kinds).toEqual([{ kind: 'modificationLog', count: 3, bytes: null }]);
      expect([await logRows(fx.a.customerId), await logRows(fx.b.customerId)]).toEqual([2, 4]);
      const system = await h.run(TYPE, { kinds: ['modificationLog'], modificationLogDays: 30 });
      expect(result(system).kinds).toEqual([{ kind: 'modificationLog', count: 4, bytes: null }]);
      expect(await logRows(fx.b.customerId)).toBe(0);
    },
  );

  it.skipIf(skipReason)(
    'refuses bad input and foreign scope, naming the field, before deleting anything',
    async () => {
      await addLog(fx.b.customerId, 2, OLD);
      const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
        [{ customer: fx.b.code }, fx.a.code, 'TENANT_MISMATCH', undefined],
        [{ kinds: ['jobs'] }, fx.a.code, 'SYSTEM_JOB_REQUIRED', undefined],
        [{}, 'ACME', 'SYSTEM_JOB_REQUIRED', undefined],
        [{ customer: 'NOBODY' }, undefined, 'SCOPE_NOT_FOUND', undefined],
      ];
      for (const [params, tenant, code] of cases) {
        const job = await h.run(TYPE, { modificationLogDays: 0, ...params }, tenant);
        expect(job.errorInfo?.[0]?.code, JSON.stringify(params)).toBe(code);
      }
      await expect(h.runner.client.enqueue(TYPE, { kinds: ['everything'] })).rejects.toMatchObject({
        code: 'PARAMS_INVALID',
      });
      await expect(h.runner.client.enqueue(TYPE, { fileDays: -1 })).rejects.toMatchObject({
        code: 'PARAMS_INVALID',
      });
      expect(await logRows(fx.b.customerId)).toBe(2);
    },
  );

  it.skipIf(skipReason)('stops between batches when cancelled, keeping what it has not reached', async () => {
    await addLog(fx.b.customerId, 20_000, OLD);
    const id = await h.enqueue(TYPE, {
      kinds: ['modificationLog'],
      customer: fx.b.code,
      modificationLogDays: 30,
    });
    for (let i = 0; i < 1_200; i++) {
      const entries = await h.log(id);
      if (entries.some((e) => Number(e.message.params?.done ?? 0) >= 50)) break;
      expect((await h.runner.client.get(id))?.state).toMatch(/Enqueued|Processing/);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await h.runner.client.cancel(id);
    expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
    const left = await logRows(fx.b.customerId);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(20_002);
  });
});
