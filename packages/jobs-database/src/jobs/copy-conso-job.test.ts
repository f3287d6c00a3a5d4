import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharedTestDb, TwoTenantSetup } from '../testing/deletion-fixture.js';
import { openTwoTenantSetup } from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { trialBalance } from '../testing/trial-balance.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import { COPY_CONSO_JOB_TYPE, type CopyConsoResult } from './copy-conso-job.js';

const backends = await backendsWithSkip();
const A = { customerId: 'ALPHA', userId: 'alice' };
const CONSO_TABLES = [
  'holdings',
  'share_classes',
  'ownerships',
  'investments',
  'historical_rates',
  'adjustment_journals',
];

describe.each(backends)('conso.copy on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let harness: JobHarness;
  let fx: TwoTenantFixture;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, ['a']);
    ({ db, fx, harness } = setup);
  }, 120_000);
  afterEach(async () => setup?.dispose());

  const consoId = async (code: string) =>
    (
      await db.consoDb.db
        .selectFrom('consos')
        .select('id')
        .where('customer_id', '=', fx.a.customerId)
        .where('code', '=', code)
        .executeTakeFirst()
    )?.id;
  /** The consolidated trial balance per company and account, in cents. */
  const tb = (consoId: number) => trialBalance(db.consoDb.db, consoId);
  const countsOf = async (id: number) => {
    const counts: Record<string, number> = {};
    for (const table of CONSO_TABLES) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(table)} where conso_id = ${id}`.execute(db.consoDb.db);
      counts[table] = Number(rows[0]?.n);
    }
    return counts;
  };
  const integrate = async (code: string) => {
    const run = await harness.run(INTEGRATION_JOB_TYPE, { consos: [code] }, A);
    expect(run.state, JSON.stringify(run.errorInfo)).toBe(JobState.Succeeded);
  };

  it.skipIf(skip !== undefined)(
    'copies to a new code: the same rows, and the same trial balance once both are consolidated again',
    async () => {
      const bBefore = await tenantDataFingerprint(db.consoDb.db, fx.b.customerId);
      const record = await harness.run(
        COPY_CONSO_JOB_TYPE,
        { conso: fx.a.consoCode, code: '202312ACT002' },
        A,
      );
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      const result = record.result?.result as CopyConsoResult;
      const copyId = await consoId('202312ACT002');
      expect(result.consoId).toBe(copyId);
      expect(result.rows.ownerships).toBeGreaterThan(0);
      expect(result.rows.consolidated_data).toBeGreaterThan(0);
      expect(await countsOf(result.consoId)).toEqual(await countsOf(fx.a.consoId));
      const sourceTb = await tb(fx.a.consoId);
      expect(Object.keys(sourceTb).length).toBeGreaterThan(3);
      expect(await tb(result.consoId)).toEqual(sourceTb);

      await integrate(fx.a.consoCode);
      await integrate('202312ACT002');
      expect(await tb(result.consoId)).toEqual(await tb(fx.a.consoId));
      expect(await tenantDataFingerprint(db.consoDb.db, fx.b.customerId)).toEqual(bBefore);
      const log = await db.consoDb.db
        .selectFrom('modification_log')
        .select(['message_key', 'conso_id'])
        .where('log_group', '=', record.id)
        .execute();
      expect(log).toEqual([{ message_key: 'conso.log.consoCopied', conso_id: result.consoId }]);
    },
    180_000,
  );

  it.skipIf(skip !== undefined)(
    'copies to another category with its bundles, and consolidates there to the same trial balance',
    async () => {
      const record = await harness.run(
        COPY_CONSO_JOB_TYPE,
        { conso: fx.a.consoCode, code: '202312BUD001', category: 'BUD' },
        A,
      );
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      const result = record.result?.result as CopyConsoResult;
      expect(result.rows.bundles).toBeGreaterThan(0);
      // Consolidated data belongs to the source's category: the copy starts without it.
      expect(result.rows.consolidated_data).toBeUndefined();
      expect(await tb(result.consoId)).toEqual({});
      await integrate('202312BUD001');
      expect(await tb(result.consoId)).toEqual(await tb(fx.a.consoId));

      const again = await harness.run(
        COPY_CONSO_JOB_TYPE,
        { conso: fx.a.consoCode, code: '202312BUD002', category: 'BUD' },
        A,
      );
      expect(again.errorInfo?.[0]).toMatchObject({
        code: 'COPY_CONFLICT',
        params: { param: 'category', table: 'bundles' },
      });
      expect(String(again.errorInfo?.[0]?.params?.conflicts)).toContain('HOLD');
      expect(await consoId('202312BUD002')).toBeUndefined();
    },
    180_000,
  );

  it.skipIf(skip !== undefined)(
    'refuses a code in use or bad params, naming the field, and writes nothing',
    async () => {
      const before = await tenantDataFingerprint(db.consoDb.db, fx.a.customerId);
      const taken = await harness.run(
        COPY_CONSO_JOB_TYPE,
        { conso: fx.a.consoCode, code: fx.a.consoCode },
        A,
      );
      expect(taken.errorInfo?.[0]).toMatchObject({ code: 'CONSO_CODE_TAKEN', params: { param: 'code' } });
      await expect(
        harness.enqueue(COPY_CONSO_JOB_TYPE, { conso: fx.a.consoCode, code: '' }, A),
      ).rejects.toThrow(/code/);
      expect(await tenantDataFingerprint(db.consoDb.db, fx.a.customerId)).toEqual(before);
    },
  );

  it.skipIf(skip !== undefined)(
    'is all-or-nothing: a failure in its last statement leaves no trace',
    async () => {
      // A trigger refuses the consolidated-data rows, which the copy inserts last.
      if (backend === 'postgres') {
        await sql`create function refuse_copy() returns trigger language plpgsql as $$
        begin raise exception 'injected failure'; end $$`.execute(db.consoDb.db);
        await sql`create trigger refuse_copy before insert on consolidated_data
        for each statement execute function refuse_copy()`.execute(db.consoDb.db);
      } else {
        await sql`create trigger refuse_copy before insert on consolidated_data
        begin select raise(abort, 'injected failure'); end`.execute(db.consoDb.db);
      }
      const before = await tenantDataFingerprint(db.consoDb.db, fx.a.customerId);
      const record = await harness.run(
        COPY_CONSO_JOB_TYPE,
        { conso: fx.a.consoCode, code: '202312ACT009' },
        A,
      );
      expect(record.state).toBe(JobState.Failed);
      expect(JSON.stringify(record.errorInfo)).toContain('injected failure');
      expect(await consoId('202312ACT009')).toBeUndefined();
      expect(await tenantDataFingerprint(db.consoDb.db, fx.a.customerId)).toEqual(before);
    },
  );
});
