import { bulkInsert, consoDbToken } from '@hangar/conso-db';
import { loadTwoTenantFixture, type TwoTenantFixture, tenantDataFingerprint } from '@hangar/conso-db/testing';
import type { ServiceRegistration } from '@hangar/core';
import { openTestDb, type TestDb, testBackends } from '@hangar/jobs-importexport/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startUtilsHarness, type UtilsHarness } from '../testing/runner-harness.js';
import { CLOSE_PERIOD_JOB_TYPE as TYPE } from './close-period-job.js';

const backends = await testBackends();

describe.each(backends)('utils.close-period on $kind', ({ kind, skipReason }) => {
  let test: TestDb;
  let fx: TwoTenantFixture;
  let h: UtilsHarness;

  beforeAll(async () => {
    if (skipReason) return;
    test = await openTestDb(kind);
    fx = await loadTwoTenantFixture(test.consoDb.db);
    h = await startUtilsHarness({}, [{ token: consoDbToken, value: test.consoDb } as ServiceRegistration]);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    await test?.cleanup();
  });
  beforeEach(async () => {
    if (skipReason) return;
    const db = test.consoDb.db;
    await db.updateTable('periods').set({ closed_at: null, closed_by: null }).execute();
    await db.updateTable('consos').set({ locked: 0, locked_by: null, locked_at: null }).execute();
    await db.deleteFrom('modification_log').execute();
  });
  const periodOf = (customerId: number) =>
    test.consoDb.db
      .selectFrom('periods')
      .select(['closed_at', 'closed_by'])
      .where('customer_id', '=', customerId)
      .where('code', '=', '202312')
      .executeTakeFirstOrThrow();
  const consoOf = (id: number) =>
    test.consoDb.db
      .selectFrom('consos')
      .select(['locked', 'locked_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const run = async (params: Record<string, unknown>, customerId?: string) =>
    h.runner.client.waitFor(
      (
        await h.runner.client.enqueue(TYPE, params, {
          ...(customerId === undefined ? {} : { customerId }),
          userId: 'controller',
        })
      ).id,
      { pollMs: 20 },
    );

  it.skipIf(skipReason)(
    "closes a customer's period: locks its consos, marks it closed, logs it; B is untouched",
    async () => {
      const before = await tenantDataFingerprint(test.consoDb.db, fx.b.customerId);
      const job = await run({ period: '202312' }, fx.a.code);
      expect(job.state).toBe('Succeeded');
      expect(job.result?.result).toEqual({
        action: 'close',
        period: '202312',
        consos: [fx.a.consoCode],
        changed: true,
      });
      expect(await periodOf(fx.a.customerId)).toMatchObject({ closed_by: 'controller' });
      expect((await periodOf(fx.a.customerId)).closed_at).not.toBeNull();
      expect(await consoOf(fx.a.consoId)).toEqual({ locked: 1, locked_by: 'controller' });
      const log = await test.consoDb.db
        .selectFrom('modification_log')
        .select(['customer_id', 'message_key', 'conso_id'])
        .orderBy('id')
        .execute();
      expect(log).toEqual([
        {
          customer_id: fx.a.customerId,
          message_key: 'utils.log.consoLockedForClosing',
          conso_id: fx.a.consoId,
        },
        { customer_id: fx.a.customerId, message_key: 'utils.log.periodClosed', conso_id: null },
      ]);
      expect(await tenantDataFingerprint(test.consoDb.db, fx.b.customerId)).toEqual(before);
      const progress = (await h.log(job.id)).filter((e) => e.level === 'progress');
      expect(progress.map((e) => [e.current, e.total])).toEqual([
        [0, 1],
        [1, 1],
        [1, 1],
      ]);
      const again = await run({ period: '202312' }, fx.a.code);
      expect(again.result?.result).toMatchObject({ changed: false, consos: [] });
    },
  );

  it.skipIf(skipReason)(
    'refuses while a consolidation or import of the period is queued, naming the conso and job',
    async () => {
      const [queued] = await h.queue.enqueueMany([
        {
          type: 'conso.integration',
          params: { consos: [fx.a.consoCode] },
          queue: 'not-served',
          maxAttempts: 1,
          customerId: fx.a.code,
        },
      ]);
      // B's import of the same period code does not block A.
      const [bImport] = await h.queue.enqueueMany([
        {
          type: 'importexport.import-data',
          params: { period: '202312' },
          queue: 'not-served',
          maxAttempts: 1,
          customerId: fx.b.code,
        },
      ]);
      try {
        const job = await run({ period: '202312' }, fx.a.code);
        expect(job.state).toBe('Failed');
        expect(job.errorInfo?.[0]).toMatchObject({
          code: 'UTILS_PERIOD_BUSY',
          params: {
            period: '202312',
            conso: fx.a.consoCode,
            jobId: queued!.id,
            jobType: 'conso.integration',
          },
        });
        expect(h.render(job, 'fr')).toContain(
          `la tâche ${queued!.id} (conso.integration) sur ${fx.a.consoCode}`,
        );
        expect(await periodOf(fx.a.customerId)).toEqual({ closed_at: null, closed_by: null });
        expect(await consoOf(fx.a.consoId)).toEqual({ locked: 0, locked_by: null });
      } finally {
        await h.runner.client.cancel(queued!.id);
      }
      const other = await run({ period: '202312' }, fx.b.code);
      expect(other.errorInfo?.[0]?.code).toBe('UTILS_PERIOD_BUSY');
      await h.runner.client.cancel(bImport!.id);
      expect((await run({ period: '202312' }, fx.a.code)).state).toBe('Succeeded');
    },
  );

  it.skipIf(skipReason)('reopens for system jobs only, unlocking what the closing locked', async () => {
    await run({ period: '202312' }, fx.a.code);
    const refused = await run({ period: '202312', action: 'reopen' }, fx.a.code);
    expect(refused.errorInfo?.[0]?.code).toBe('SYSTEM_JOB_REQUIRED');
    expect((await periodOf(fx.a.customerId)).closed_by).toBe('controller');
    const reopened = await run({ customer: fx.a.code, period: '202312', action: 'reopen' });
    expect(reopened.result?.result).toEqual({
      action: 'reopen',
      period: '202312',
      consos: [fx.a.consoCode],
      changed: true,
    });
    expect(await periodOf(fx.a.customerId)).toEqual({ closed_at: null, closed_by: null });
    expect(await consoOf(fx.a.consoId)).toEqual({ locked: 0, locked_by: null });
  });

  it.skipIf(skipReason)('refuses bad input and foreign scope before changing anything', async () => {
    const before = await tenantDataFingerprint(test.consoDb.db, fx.a.customerId);
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [{ customer: fx.b.code, period: '202312' }, fx.a.code, 'TENANT_MISMATCH'],
      [{ period: '209901' }, fx.a.code, 'SCOPE_NOT_FOUND'],
      [{ period: '202312' }, undefined, 'SCOPE_CUSTOMER_REQUIRED'],
    ];
    for (const [params, tenant, code] of cases) {
      const job = await run(params, tenant);
      expect(job.errorInfo?.[0]?.code, JSON.stringify(params)).toBe(code);
    }
    const bId = (
      await test.consoDb.db
        .selectFrom('periods')
        .select('id')
        .where('customer_id', '=', fx.b.customerId)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await run({ period: bId }, fx.a.code)).errorInfo?.[0]?.code).toBe('TENANT_MISMATCH');
    await expect(h.runner.client.enqueue(TYPE, { period: '202312', action: 'delete' })).rejects.toMatchObject(
      {
        code: 'PARAMS_INVALID',
      },
    );
    expect(await tenantDataFingerprint(test.consoDb.db, fx.a.customerId)).toEqual(before);
  });

  it.skipIf(skipReason)('stops between consos when cancelled, rolling everything back', async () => {
    const db = test.consoDb.db;
    const template = await db
      .selectFrom('consos')
      .selectAll()
      .where('id', '=', fx.a.consoId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...columns } = template;
    await bulkInsert(
      db,
      'consos',
      Array.from({ length: 400 }, (_, i) => ({
        ...columns,
        code: `202312ACT${String(i + 100)}`,
        name: `extra ${i}`,
      })),
    );
    try {
      const { id } = await h.runner.client.enqueue(TYPE, { period: '202312' }, { customerId: fx.a.code });
      for (let i = 0; i < 1_200; i++) {
        const done = (await h.log(id)).some((e) => e.level === 'progress' && (e.current ?? 0) >= 20);
        if (done) break;
        expect((await h.runner.client.get(id))?.state).toMatch(/Enqueued|Processing/);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await h.runner.client.cancel(id);
      expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
      expect(await periodOf(fx.a.customerId)).toEqual({ closed_at: null, closed_by: null });
      const locked = await db.selectFrom('consos').select('id').where('locked', '=', 1).execute();
      expect(locked).toEqual([]);
      expect(await db.selectFrom('modification_log').select('id').execute()).toEqual([]);
    } finally {
      await db.deleteFrom('consos').where('name', 'like', 'extra %').execute();
    }
  });
});
