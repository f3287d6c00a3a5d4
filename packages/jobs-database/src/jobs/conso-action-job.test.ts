import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { storedRowsFingerprint } from '../testing/engine-run-from-db.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { openTestDb, postgresSkipReason, type TestBackend, type TestDb } from '../testing/test-db.js';
import { CONSO_ACTION_JOB_TYPE } from './conso-action-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

const pgSkip = await postgresSkipReason();
const backends: [TestBackend, string | undefined][] = [
  ['sqlite', undefined],
  ['postgres', pgSkip],
];

describe.each(backends)('conso.action on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let sample: SampleGroupSummary;
  const alice = { userId: 'alice', customerId: 'SAMPLE5' };
  const bob = { userId: 'bob', customerId: 'SAMPLE5' };

  const consoRow = () =>
    testDb.consoDb.db
      .selectFrom('consos')
      .selectAll()
      .where('id', '=', sample.consoId)
      .executeTakeFirstOrThrow();
  const rowCount = async (companyId?: number) => {
    let q = testDb.consoDb.db
      .selectFrom('consolidated_data')
      .select(sql<number>`count(*)`.as('n'))
      .where('conso_id', '=', sample.consoId);
    if (companyId !== undefined) q = q.where('company_id', '=', companyId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    sample = await generateSampleGroup(testDb.consoDb.db, { companies: 8, accounts: 40, seed: 5 });
    harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb);
    expect((await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, alice)).state).toBe(
      JobState.Succeeded,
    );
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  it.skipIf(skip !== undefined)(
    'locks with the login and time, refuses runs while locked, unlocks only for the holder',
    async () => {
      const before = Date.now();
      const locked = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { action: 'lock', conso: sample.consoCode },
        alice,
      );
      expect(locked.state).toBe(JobState.Succeeded);
      const row = await consoRow();
      expect(row).toMatchObject({ locked: 1, locked_by: 'alice' });
      expect(Date.parse(row.locked_at ?? '')).toBeGreaterThanOrEqual(before - 1000);

      const again = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { action: 'lock', conso: sample.consoCode },
        bob,
      );
      expect(again.errorInfo?.[0]).toMatchObject({ code: 'CONSO_LOCKED', params: { lockedBy: 'alice' } });
      const run = await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, bob);
      expect(run.errorInfo?.[0]).toMatchObject({
        code: 'CONSO_LOCKED',
        params: { lockedBy: 'alice', lockedAt: row.locked_at },
      });
      const clear = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { action: 'clear', conso: sample.consoCode },
        bob,
      );
      expect(clear.errorInfo?.[0]?.code).toBe('CONSO_LOCKED');

      const byBob = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { action: 'unlock', conso: sample.consoCode },
        bob,
      );
      expect(byBob.errorInfo?.[0]).toMatchObject({
        code: 'CONSO_NOT_LOCK_HOLDER',
        params: { lockedBy: 'alice', login: 'bob' },
      });
      expect(
        (await harness.run(CONSO_ACTION_JOB_TYPE, { action: 'unlock', conso: sample.consoCode }, alice))
          .state,
      ).toBe(JobState.Succeeded);
      expect(await consoRow()).toMatchObject({ locked: 0, locked_by: null, locked_at: null });
      const log = await testDb.consoDb.db
        .selectFrom('modification_log')
        .select('message_key')
        .where('conso_id', '=', sample.consoId)
        .execute();
      expect(log.map((l) => l.message_key)).toEqual(
        expect.arrayContaining(['conso.log.locked', 'conso.log.unlocked']),
      );
    },
  );

  it.skipIf(skip !== undefined)('recomputes one step for some companies and clears data', async () => {
    const db = testDb.consoDb.db;
    const full = await storedRowsFingerprint(db, sample.consoId);
    const company = await db
      .selectFrom('companies')
      .select('id')
      .where('code', '=', sample.structures.minorities[0] ?? '')
      .executeTakeFirstOrThrow();
    const cleared = await harness.run(
      CONSO_ACTION_JOB_TYPE,
      { action: 'clear', conso: sample.consoCode, companies: [company.id] },
      alice,
    );
    expect(cleared.state).toBe(JobState.Succeeded);
    expect(await rowCount(company.id)).toBe(0);
    for (const step of ['bundles', 'adjustments', 'elims'] as const) {
      const record = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { action: 'recompute', conso: sample.consoCode, step, companies: [company.id] },
        alice,
      );
      expect(record.state, step).toBe(JobState.Succeeded);
    }
    expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(full);
    const all = await harness.run(CONSO_ACTION_JOB_TYPE, { action: 'clear', conso: sample.consoId }, alice);
    expect(all.result?.result).toMatchObject({ action: 'clear', rows: full.length });
    expect(await rowCount()).toBe(0);
  });
});
