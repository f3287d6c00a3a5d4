import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoDeletionPlan } from '../deletion/deletion-plan.js';
import {
  openTwoTenantSetup,
  rowsLeft,
  type SharedTestDb,
  type TwoTenantSetup,
} from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { postgresSkipReason } from '../testing/test-db.js';
import { DELETE_CONSO_JOB_TYPE } from './delete-conso-job.js';

const skip = await postgresSkipReason();
const A = { customerId: 'ALPHA', userId: 'alice' };

describe.skipIf(skip !== undefined)('conso.delete cancellation on PostgreSQL', () => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;

  beforeEach(async () => {
    setup = await openTwoTenantSetup('postgres', ['a']);
    ({ db, fx, harness } = setup);
  }, 120_000);
  afterEach(async () => setup?.dispose());

  it('cancels the batch statement on the server; the conso stays marked and a rerun finishes it', async () => {
    const other = await db.openAnother();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => undefined;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Another connection holds a historical rate of the conso: the deletion's batch on that table
    // waits for it inside the server, where only a server-side cancel can stop it.
    const holder = other.db.transaction().execute(async (trx) => {
      await sql`select id from historical_rates where conso_id = ${fx.a.consoId} for update`.execute(trx);
      locked();
      await held;
    });
    try {
      await lockTaken;
      const id = await harness.enqueue(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode }, A);
      // Waiting on the row lock inside the server (a tuple or transaction lock, not a relation one).
      for (let waiting = false; !waiting; ) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like 'delete from "historical_rates"%'`.execute(
          db.consoDb.db,
        );
        waiting = (rows[0]?.n ?? 0) > 0;
        if (!waiting) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await harness.runner.client.cancel(id);
      const record = await harness.wait(id);
      expect(record.state).toBe(JobState.Cancelled);
    } finally {
      release();
      await holder;
      await other.close();
    }
    const conso = await db.consoDb.db
      .selectFrom('consos')
      .select('deleting_at')
      .where('id', '=', fx.a.consoId)
      .executeTakeFirstOrThrow();
    expect(conso.deleting_at).not.toBeNull();
    const historical = await db.consoDb.db
      .selectFrom('historical_rates')
      .select('id')
      .where('conso_id', '=', fx.a.consoId)
      .execute();
    expect(historical.length).toBeGreaterThan(0);

    const rerun = await harness.run(DELETE_CONSO_JOB_TYPE, { conso: fx.a.consoCode }, A);
    expect(rerun.state, JSON.stringify(rerun.errorInfo)).toBe(JobState.Succeeded);
    expect(rerun.result?.result).toMatchObject({ resumed: true });
    expect(await rowsLeft(db.consoDb.db, consoDeletionPlan(fx.a.consoId))).toBe(0);
  }, 180_000);
});
