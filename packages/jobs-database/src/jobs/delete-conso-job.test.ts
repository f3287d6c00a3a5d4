import { lockConso } from '@hangar/conso-db';
import { type TwoTenantFixture, tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markConsoDeleting } from '../deletion/deletion-marks.js';
import { consoDeletionPlan } from '../deletion/deletion-plan.js';
import { runDeletion } from '../deletion/run-deletion.js';
import {
  crashDeletionMidway,
  openTwoTenantSetup,
  rowsLeft,
  type SharedTestDb,
  type TwoTenantSetup,
} from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { CONSO_ACTION_JOB_TYPE } from './conso-action-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import { DELETE_CONSO_JOB_TYPE, type DeleteConsoResult } from './delete-conso-job.js';

const backends = await backendsWithSkip();
const A = { customerId: 'ALPHA', userId: 'alice' };

describe.each(backends)('conso.delete on %s', (backend, skip) => {
  let db: SharedTestDb;
  let harness: JobHarness;
  let fx: TwoTenantFixture;

  const plan = () => consoDeletionPlan(fx.a.consoId);
  const consoRow = (id: number) =>
    db.consoDb.db.selectFrom('consos').selectAll().where('id', '=', id).executeTakeFirst();
  const dataRows = async (consoId: number) =>
    Number(
      (
        await db.consoDb.db
          .selectFrom('consolidated_data')
          .select(sql<number>`count(*)`.as('n'))
          .where('conso_id', '=', consoId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  let setup: TwoTenantSetup;
  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, ['a', 'b']);
    ({ db, fx, harness } = setup);
  }, 120_000);
  afterEach(async () => setup?.dispose());

  it.skipIf(skip !== undefined)(
    'deletes the conso and every row hanging off it in batches, logs it, and leaves B alone',
    async () => {
      const data = await dataRows(fx.a.consoId);
      expect(data).toBeGreaterThan(0);
      expect(await rowsLeft(db.consoDb.db, plan())).toBeGreaterThan(data);
      const bBefore = await tenantDataFingerprint(db.consoDb.db, fx.b.customerId);

      const record = await harness.run(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode, batchSize: 3 }, A);
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      const result = record.result?.result as DeleteConsoResult;
      expect(result).toMatchObject({ conso: fx.a.consoCode, resumed: false });
      expect(result.rows.consolidated_data).toBe(data);
      expect(await rowsLeft(db.consoDb.db, plan())).toBe(0);
      expect(await consoRow(fx.a.consoId)).toBeUndefined();
      expect(await tenantDataFingerprint(db.consoDb.db, fx.b.customerId)).toEqual(bBefore);

      const messages = await harness.messages(record.id);
      expect(messages).toContain(`Deleting '${fx.a.consoCode}': consolidated_data, ${data} rows so far`);
      expect(record.progress).toMatchObject({ current: plan().length, total: plan().length });
      const log = await db.consoDb.db
        .selectFrom('modification_log')
        .select(['message_key', 'conso_id', 'params'])
        .where('log_group', '=', record.id)
        .orderBy('id')
        .execute();
      expect(log.map((entry) => [entry.message_key, entry.conso_id])).toEqual([
        ['conso.log.deletionStarted', null],
        ['conso.log.consoDeleted', null],
      ]);
      expect(JSON.parse(log[1]?.params ?? '{}')).toMatchObject({ conso: fx.a.consoCode });

      const gone = await harness.run(INTEGRATION_JOB_TYPE, { consos: [fx.a.consoCode] }, A);
      expect(gone.errorInfo?.[0]?.code).toBe('SCOPE_NOT_FOUND');
    },
    120_000,
  );

  it.skipIf(skip !== undefined)(
    'refuses a locked conso, naming who locked it, and changes nothing',
    async () => {
      expect(await lockConso(db.consoDb.db, { consoId: fx.a.consoId, login: 'bob' })).toBe(true);
      const before = await rowsLeft(db.consoDb.db, plan());
      const record = await harness.run(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode }, A);
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo?.[0]).toMatchObject({ code: 'CONSO_LOCKED', params: { lockedBy: 'bob' } });
      expect(await rowsLeft(db.consoDb.db, plan())).toBe(before);
      expect((await consoRow(fx.a.consoId))?.deleting_at).toBeNull();
    },
  );

  it.skipIf(skip !== undefined)('refuses bad params naming the field, before anything changes', async () => {
    const before = await rowsLeft(db.consoDb.db, plan());
    await expect(
      harness.enqueue(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode, batchSize: 0 }, A),
    ).rejects.toThrow(/batchSize/);
    expect(await rowsLeft(db.consoDb.db, plan())).toBe(before);
  });

  it.skipIf(skip !== undefined)(
    'a worker killed mid-delete leaves the conso unusable; a rerun finishes it',
    async () => {
      const before = await rowsLeft(db.consoDb.db, plan());
      const bBefore = await tenantDataFingerprint(db.consoDb.db, fx.b.customerId);
      const crash = await crashDeletionMidway(db, 'conso', fx.a.consoId, 4);
      expect(crash.signal, crash.output).toBe('SIGKILL');

      // Three batches committed (a company's consolidated data each); the fourth died with its
      // transaction, so part of the conso is gone and part is left.
      const left = await rowsLeft(db.consoDb.db, plan());
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(before);
      expect((await consoRow(fx.a.consoId))?.deleting_at).not.toBeNull();
      const run = await harness.run(INTEGRATION_JOB_TYPE, { consos: [fx.a.consoCode] }, A);
      expect(run.errorInfo?.[0]).toMatchObject({
        code: 'CONSO_BEING_DELETED',
        params: { conso: fx.a.consoCode },
      });
      const lock = await harness.run(CONSO_ACTION_JOB_TYPE, { conso: fx.a.consoCode, action: 'lock' }, A);
      expect(lock.errorInfo?.[0]?.code).toBe('CONSO_BEING_DELETED');

      const record = await harness.run(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode }, A);
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      expect(record.result?.result).toMatchObject({ resumed: true });
      expect(record.result?.warnings?.[0]?.key).toBe('conso.warning.deletionResumed');
      expect(await rowsLeft(db.consoDb.db, plan())).toBe(0);
      expect(await consoRow(fx.a.consoId)).toBeUndefined();
      expect(await tenantDataFingerprint(db.consoDb.db, fx.b.customerId)).toEqual(bBefore);
    },
    180_000,
  );

  it.skipIf(skip !== undefined)(
    "another customer's reader (and on PostgreSQL its writer) completes while a batch is open",
    async () => {
      const other = await db.openAnother();
      try {
        const bTotal = async () =>
          Number(
            (
              await other.db
                .selectFrom('consolidated_data')
                .select(sql<number>`count(*)`.as('n'))
                .where('conso_id', '=', fx.b.consoId)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const expected = await bTotal();
        const conso = await consoRow(fx.a.consoId);
        if (conso === undefined) throw new Error('fixture conso missing');
        await markConsoDeleting(db.consoDb.db, conso);
        const seen: number[] = [];
        await runDeletion({
          consoDb: db.consoDb,
          steps: plan(),
          batchSize: 50,
          ctx: { signal: new AbortController().signal, checkpoint: () => undefined },
          insideBatch: async (_trx, batch) => {
            if (seen.length > 0 || batch.rows === 0) return;
            // The batch's transaction is open here: were B's rows or tables locked, these would
            // wait for a commit that only comes after they return, and the test would never end.
            seen.push(await bTotal());
            if (backend === 'postgres') {
              await other.db
                .updateTable('consos')
                .set({ name: 'renamed meanwhile' })
                .where('id', '=', fx.b.consoId)
                .execute();
              await other.db
                .insertInto('consolidated_data')
                .values({
                  conso_id: fx.b.consoId,
                  company_id: fx.b.companies.HOLD as number,
                  account_id: (
                    await other.db
                      .selectFrom('accounts')
                      .select('id')
                      .where('customer_id', '=', fx.b.customerId)
                      .executeTakeFirstOrThrow()
                  ).id,
                  partner_company_id: null,
                  flow_id: null,
                  dimension: null,
                  origin: 'bundle',
                  step: 'test',
                  amount_gc: 0,
                })
                .execute();
            }
          },
        });
        expect(seen).toEqual([expected]);
        expect(await rowsLeft(db.consoDb.db, plan())).toBe(0);
      } finally {
        await other.close();
      }
    },
    120_000,
  );
});
