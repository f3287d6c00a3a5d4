import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { storedRowsFingerprint } from '../testing/engine-run-from-db.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { backendsWithSkip, openTestDb, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { CONSO_ACTION_JOB_TYPE } from './conso-action-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

const CLOSED = { closed_at: '2024-01-20T08:30:00.000Z', closed_by: 'controller' };

describe.each(await backendsWithSkip())('consolidations into a closed period on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let sample: SampleGroupSummary;
  const user = { userId: 'sample3.admin', customerId: 'SAMPLE3' };

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    sample = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 3 });
    harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb);
    expect((await harness.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, user)).state).toBe(
      JobState.Succeeded,
    );
    expect((await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user)).state).toBe(
      JobState.Succeeded,
    );
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });
  beforeEach(async () => {
    if (skip !== undefined) return;
    await testDb.consoDb.db
      .updateTable('periods')
      .set({ closed_at: null, closed_by: null })
      .where('id', '=', sample.periodId)
      .execute();
  });
  const close = async () => {
    // As the close-period job leaves it: the period marked, its consos locked by the same login.
    await testDb.consoDb.db.updateTable('periods').set(CLOSED).where('id', '=', sample.periodId).execute();
    await testDb.consoDb.db
      .updateTable('consos')
      .set({ locked: 1, locked_by: 'controller', locked_at: CLOSED.closed_at })
      .where('id', '=', sample.consoId)
      .execute();
  };
  const reopen = () =>
    Promise.all([
      testDb.consoDb.db
        .updateTable('periods')
        .set({ closed_at: null, closed_by: null })
        .where('id', '=', sample.periodId)
        .execute(),
      testDb.consoDb.db
        .updateTable('consos')
        .set({ locked: 0, locked_by: null, locked_at: null })
        .where('id', '=', sample.consoId)
        .execute(),
    ]);
  const periodCode = () =>
    testDb.consoDb.db
      .selectFrom('periods')
      .select('code')
      .where('id', '=', sample.periodId)
      .executeTakeFirstOrThrow();

  it.skipIf(skip !== undefined)(
    'refuses an integration run with PERIOD_CLOSED naming the period and who closed it, changing nothing',
    async () => {
      const db = testDb.consoDb.db;
      const { code } = await periodCode();
      const before = await storedRowsFingerprint(db, sample.consoId);
      await close();
      try {
        for (const onLocked of ['skip-conso', 'fail-job'] as const) {
          const id = await harness.enqueue(
            INTEGRATION_JOB_TYPE,
            { consos: [sample.consoCode], onLocked },
            user,
          );
          const record = await harness.wait(id);
          expect(record.state).toBe(JobState.Failed);
          expect(record.errorInfo?.[0]).toMatchObject({
            code: 'PERIOD_CLOSED',
            params: { period: code, closedBy: 'controller', closedAt: CLOSED.closed_at },
          });
          expect((await harness.messages(id, 'fr')).join('\n')).toContain(`La période ${code} est clôturée`);
          expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(before);
        }
      } finally {
        await reopen();
      }
      const rerun = await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
      expect(rerun.state).toBe(JobState.Succeeded);
    },
  );

  it.skipIf(skip !== undefined)('refuses recomputing or clearing a conso of the closed period', async () => {
    const db = testDb.consoDb.db;
    const before = await storedRowsFingerprint(db, sample.consoId);
    await close();
    try {
      for (const params of [
        { conso: sample.consoCode, action: 'recompute', step: 'bundles' },
        { conso: sample.consoCode, action: 'clear' },
      ]) {
        const record = await harness.run(CONSO_ACTION_JOB_TYPE, params, user);
        expect(record.state).toBe(JobState.Failed);
        expect(record.errorInfo?.[0]?.code).toBe('PERIOD_CLOSED');
      }
      expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(before);
    } finally {
      await reopen();
    }
  });
});
