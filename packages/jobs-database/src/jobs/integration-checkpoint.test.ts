import { generateSampleGroup, lockConso, type SampleGroupSummary, unlockConso } from '@hangar/conso-db';
import { ConfigurationError, JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { copySampleConso } from '../testing/copy-conso.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { openTestDb, postgresSkipReason, type TestBackend, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE, type IntegrationResult } from './consolidation-integration-job.js';

const pgSkip = await postgresSkipReason();
const backends: [TestBackend, string | undefined][] = [
  ['sqlite', undefined],
  ['postgres', pgSkip],
];

const ACT = '202312ACT001';
const BUD = '202312BUD001';
const FAILING = '202312FCT001';
const EMPTY = '202312FCT002';
const LOCKED = '202312BUD002';
const LOCKED_AT = new Date('2024-02-01T10:00:00Z');

describe.each(backends)('conso.integration checkpoint, locks and screen on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let sample: SampleGroupSummary;
  const ids = new Map<string, number>();
  const user = { userId: 'sample4.admin', customerId: 'SAMPLE4' };

  async function rowCount(conso: string): Promise<number> {
    const row = await testDb.consoDb.db
      .selectFrom('consolidated_data')
      .select(sql<number>`count(*)`.as('n'))
      .where('conso_id', '=', ids.get(conso) ?? 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function logOf(jobId: string) {
    const rows = await testDb.consoDb.db
      .selectFrom('modification_log')
      .select(['conso_id', 'message_key', 'params', 'screen'])
      .where('log_group', '=', jobId)
      .orderBy('id')
      .execute();
    const codeOf = new Map([...ids].map(([code, id]) => [id, code]));
    return rows.map((r) => ({
      conso: codeOf.get(r.conso_id ?? 0),
      key: r.message_key,
      code: (JSON.parse(r.params) as { code?: string }).code,
      screen: r.screen,
    }));
  }

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    const db = testDb.consoDb.db;
    sample = await generateSampleGroup(db, { companies: 6, accounts: 40, seed: 4 });
    harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb);
    expect((await harness.run(OWNERSHIP_JOB_TYPE, { conso: ACT }, user)).state).toBe(JobState.Succeeded);
    await db
      .insertInto('categories')
      .values({ customer_id: sample.customerId, code: 'FCT', name: 'Forecast' })
      .execute();
    ids.set(ACT, sample.consoId);
    ids.set(BUD, await copySampleConso(db, sample, { code: BUD, category: 'BUD' }));
    // FCT has bundles but no exchange rates: the conso fails once it translates.
    ids.set(FAILING, await copySampleConso(db, sample, { code: FAILING, category: 'FCT' }));
    // Same period and category as FAILING, so it shares its bundles, but no perimeter.
    ids.set(EMPTY, await copySampleConso(db, sample, { code: EMPTY, category: 'FCT', bundles: false }));
    await db
      .deleteFrom('ownerships')
      .where('conso_id', '=', ids.get(EMPTY) ?? 0)
      .execute();
    ids.set(LOCKED, await copySampleConso(db, sample, { code: LOCKED, category: 'BUD', bundles: false }));
    await lockConso(db, { consoId: ids.get(LOCKED) ?? 0, login: 'alice', at: LOCKED_AT });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  it.skipIf(skip !== undefined)(
    'returns every conso outcome and records the screen it was launched from',
    async () => {
      const id = await harness.enqueue(
        INTEGRATION_JOB_TYPE,
        { consos: [EMPTY, ACT], screen: 'ConsoIntegrationScreen' },
        user,
      );
      const record = await harness.wait(id);
      expect(record.state).toBe(JobState.Succeeded);
      const result = record.result?.result as IntegrationResult;
      expect(result.outcomes).toEqual([
        { item: ACT, outcome: 'done' },
        { item: EMPTY, outcome: 'skipped' },
      ]);
      expect(await logOf(id)).toEqual([
        {
          conso: ACT,
          key: 'conso.log.integrationStarted',
          code: undefined,
          screen: 'ConsoIntegrationScreen',
        },
        {
          conso: ACT,
          key: 'conso.log.integrationFinished',
          code: undefined,
          screen: 'ConsoIntegrationScreen',
        },
        {
          conso: EMPTY,
          key: 'conso.log.integrationSkipped',
          code: undefined,
          screen: 'ConsoIntegrationScreen',
        },
      ]);
      // Without a screen the log says none rather than inventing one.
      const plain = await harness.run(INTEGRATION_JOB_TYPE, { consos: [ACT], steps: 8 }, user);
      expect((await logOf(plain.id)).map((l) => l.screen)).toEqual([null, null]);
    },
  );

  it.skipIf(skip !== undefined)(
    'says which consos completed when one fails mid-run, in the ErrorInfo and the modification log',
    async () => {
      const id = await harness.enqueue(
        INTEGRATION_JOB_TYPE,
        { consos: [LOCKED, EMPTY, FAILING, BUD, ACT] },
        user,
      );
      const record = await harness.wait(id);
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo?.map((e) => [e.source, e.code, e.severity])).toEqual([
        [LOCKED, 'CONSO_LOCKED', 'error'],
        [FAILING, 'MISSING_RATE', 'error'],
        [ACT, 'CONSO_DONE', 'info'],
        [BUD, 'CONSO_DONE', 'info'],
        [EMPTY, 'CONSO_SKIPPED', 'warning'],
      ]);
      expect(await rowCount(BUD)).toBeGreaterThan(0);
      expect(await rowCount(FAILING)).toBe(0);
      expect((await logOf(id)).map((l) => [l.conso, l.key, l.code])).toEqual([
        [ACT, 'conso.log.integrationStarted', undefined],
        [ACT, 'conso.log.integrationFinished', undefined],
        [BUD, 'conso.log.integrationStarted', undefined],
        [BUD, 'conso.log.integrationFinished', undefined],
        [FAILING, 'conso.log.integrationStarted', undefined],
        [FAILING, 'conso.log.integrationFailed', 'MISSING_RATE'],
        [EMPTY, 'conso.log.integrationSkipped', undefined],
      ]);
      const en = (await harness.messages(id, 'en')).join('\n');
      expect(en).toContain(`Conso '${LOCKED}' is locked by alice since February 1, 2024`);
    },
  );

  it.skipIf(skip !== undefined)(
    "with onLocked 'fail-job' refuses the whole job, naming the login and the date in the reader's language",
    async () => {
      const db = testDb.consoDb.db;
      await db
        .deleteFrom('consolidated_data')
        .where('conso_id', 'in', [ids.get(ACT) ?? 0, ids.get(BUD) ?? 0])
        .execute();
      const id = await harness.enqueue(
        INTEGRATION_JOB_TYPE,
        { consos: [ACT, LOCKED, BUD], onLocked: 'fail-job' },
        user,
      );
      const record = await harness.wait(id);
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo?.map((e) => [e.source, e.code])).toEqual([
        [LOCKED, 'CONSO_LOCKED'],
        [ACT, 'CONSO_NOT_STARTED'],
        [BUD, 'CONSO_NOT_STARTED'],
      ]);
      expect(record.errorInfo?.[0]?.params).toMatchObject({
        lockedBy: 'alice',
        lockedAt: LOCKED_AT.toISOString(),
      });
      expect(await rowCount(ACT)).toBe(0);
      expect(await rowCount(BUD)).toBe(0);
      expect(await logOf(id)).toEqual([]);
      const fr = (await harness.messages(id, 'fr')).join('\n');
      expect(fr).toContain(`La conso '${LOCKED}' est verrouillée par alice depuis le 1 février 2024`);
      // Unlocked, the same job runs every conso.
      await unlockConso(db, ids.get(LOCKED) ?? 0);
      try {
        const again = await harness.run(
          INTEGRATION_JOB_TYPE,
          { consos: [ACT, LOCKED], onLocked: 'fail-job' },
          user,
        );
        expect(again.state).toBe(JobState.Succeeded);
      } finally {
        await lockConso(db, { consoId: ids.get(LOCKED) ?? 0, login: 'alice', at: LOCKED_AT });
      }
    },
  );

  it.skipIf(skip !== undefined || backend !== 'sqlite')(
    'on SQLite runs with a statement limit set: it has no server-side limit to apply',
    async () => {
      const record = await harness.run(INTEGRATION_JOB_TYPE, { consos: [ACT], statementTimeoutMs: 1 }, user);
      expect(record.state).toBe(JobState.Succeeded);
    },
  );
});

describe('statementTimeoutMs option', () => {
  it('is refused at start-up unless a positive whole number of ms, naming the option', () => {
    for (const bad of [0, -5, 1.5])
      expect(() => createConsoJobsPlugin({ statementTimeoutMs: bad })).toThrow(ConfigurationError);
    expect(() => createConsoJobsPlugin({ statementTimeoutMs: 0 })).toThrow(/statementTimeoutMs/);
    expect(() => createConsoJobsPlugin({ statementTimeoutMs: 30_000 })).not.toThrow();
  });
});
