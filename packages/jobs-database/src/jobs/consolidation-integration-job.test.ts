import { generateSampleGroup, lockConso, type SampleGroupSummary, unlockConso } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { copySampleConso } from '../testing/copy-conso.js';
import { engineRunFromDb, storedRowsFingerprint, storedTb } from '../testing/engine-run-from-db.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { readConso } from '../testing/read-conso.js';
import { openTestDb, postgresSkipReason, type TestBackend, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

const pgSkip = await postgresSkipReason();
const backends: [TestBackend, string | undefined][] = [
  ['sqlite', undefined],
  ['postgres', pgSkip],
];

describe.each(backends)('conso.integration on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let sample: SampleGroupSummary;
  const user = { userId: 'sample7.admin', customerId: 'SAMPLE7' };

  /** Copies the ACT conso into a BUD conso of the same period (bundles, ownerships), for multi-conso runs. */
  const copyToBudget = (): Promise<number> =>
    copySampleConso(testDb.consoDb.db, sample, { code: '202312BUD001', category: 'BUD' });

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    sample = await generateSampleGroup(testDb.consoDb.db, { companies: 14, accounts: 80, seed: 7 });
    harness = await startJobHarness(createConsoJobsPlugin({ companyBatchSize: 4 }), testDb.consoDb);
    const ownership = await harness.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, user);
    expect(ownership.state).toBe(JobState.Succeeded);
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  it.skipIf(skip !== undefined)(
    'runs every step; the TB balances and equals the engine run on the same data',
    async () => {
      const record = await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
      expect(record.errorInfo).toBeUndefined();
      expect(record.state).toBe(JobState.Succeeded);
      const db = testDb.consoDb.db;
      const tb = await storedTb(db, sample.consoId);
      const total = [...tb.values()].reduce((a, b) => a + b, 0);
      expect(Math.abs(total)).toBeLessThan(0.005);
      const engine = await engineRunFromDb(db, await readConso(db, sample.consoId));
      for (const account of new Set([...tb.keys(), ...engine.consolidatedTb.keys()])) {
        expect(
          Math.abs((tb.get(account) ?? 0) - (engine.consolidatedTb.get(account) ?? 0)),
          account,
        ).toBeLessThan(0.01);
      }
      // Formulas ran (the sample has one before consolidation) and flows were re-spread.
      const origins = await db
        .selectFrom('consolidated_data')
        .select('origin')
        .distinct()
        .where('conso_id', '=', sample.consoId)
        .execute();
      expect(origins.map((o) => o.origin)).toEqual(
        expect.arrayContaining(['bundle', 'cta', 'formula', 'translation', 'adjustment']),
      );
    },
  );

  it.skipIf(skip !== undefined)(
    'gives the same rows when run again, whole or company by company',
    async () => {
      const db = testDb.consoDb.db;
      const first = await storedRowsFingerprint(db, sample.consoId);
      expect((await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoId] }, user)).state).toBe(
        JobState.Succeeded,
      );
      expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(first);
      const companies = sample.structures.minorities.slice(0, 2);
      const part = await harness.run(
        INTEGRATION_JOB_TYPE,
        { consos: [sample.consoCode], companies, steps: 14 },
        user,
      );
      expect(part.state).toBe(JobState.Succeeded);
      expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(first);
    },
  );

  it.skipIf(skip !== undefined)(
    'keeps the dimension axis with executeDimensions, with the same totals',
    async () => {
      const db = testDb.consoDb.db;
      const tb = await storedTb(db, sample.consoId);
      const conso = await readConso(db, sample.consoId);
      await sql`update bundles set dimension = case when id % 2 = 0 then 'SEG1' else 'SEG2' end
      where period_id = ${conso.period_id} and category_id = ${conso.category_id}`.execute(db);
      try {
        const record = await harness.run(
          INTEGRATION_JOB_TYPE,
          { consos: [sample.consoCode], executeDimensions: true },
          user,
        );
        expect(record.state).toBe(JobState.Succeeded);
        const dims = await db
          .selectFrom('consolidated_data')
          .select('dimension')
          .distinct()
          .where('conso_id', '=', sample.consoId)
          .where('step', '=', 'bundles')
          .execute();
        expect(dims.map((d) => d.dimension)).toEqual(expect.arrayContaining(['SEG1', 'SEG2']));
        const withDims = await storedTb(db, sample.consoId);
        for (const [account, amount] of tb)
          expect(Math.abs((withDims.get(account) ?? 0) - amount), account).toBeLessThan(0.01);
      } finally {
        await sql`update bundles set dimension = null where period_id = ${conso.period_id}`.execute(db);
        await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
      }
    },
  );

  it.skipIf(skip !== undefined)(
    'reports progress as translated messages and logs start and end',
    async () => {
      const id = await harness.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: 15 }, user);
      await harness.wait(id);
      const en = await harness.messages(id, 'en');
      expect(en).toContain(`Conso 1/1 '${sample.consoCode}': Converting and integrating bundles`);
      expect(en).toContain(`Conso 1/1 '${sample.consoCode}': Running the eliminations`);
      const fr = await harness.messages(id, 'fr');
      expect(fr).toContain(`Conso 1/1 '${sample.consoCode}' : Conversion et intégration des liasses`);
      const log = await testDb.consoDb.db
        .selectFrom('modification_log')
        .select('message_key')
        .where('log_group', '=', id)
        .execute();
      expect(log.map((l) => l.message_key)).toEqual([
        'conso.log.integrationStarted',
        'conso.log.integrationFinished',
      ]);
    },
  );

  it.skipIf(skip !== undefined)(
    'refuses a locked conso before touching it, naming the login and the time',
    async () => {
      const db = testDb.consoDb.db;
      const before = await storedRowsFingerprint(db, sample.consoId);
      await lockConso(db, { consoId: sample.consoId, login: 'alice', at: new Date('2024-02-01T10:00:00Z') });
      try {
        const id = await harness.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
        const record = await harness.wait(id);
        expect(record.state).toBe(JobState.Failed);
        expect(record.errorInfo?.[0]).toMatchObject({
          code: 'CONSO_LOCKED',
          params: { conso: sample.consoCode, lockedBy: 'alice', lockedAt: '2024-02-01T10:00:00.000Z' },
        });
        expect((await harness.messages(id, 'fr')).join('\n')).toContain('verrouillée par alice');
        const log = await db
          .selectFrom('modification_log')
          .select('id')
          .where('log_group', '=', id)
          .execute();
        expect(log).toEqual([]);
        expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(before);
      } finally {
        await unlockConso(db, sample.consoId);
      }
    },
  );

  it.skipIf(skip !== undefined)(
    'rolls back a failing conso, runs the others, and skips an empty one with a warning',
    async () => {
      const db = testDb.consoDb.db;
      const budId = await copyToBudget();
      const empty = { ...(await readConso(db, budId)) };
      await db
        .insertInto('consos')
        .values({ ...empty, id: undefined, code: '202312BUD002', name: 'Empty', locked: 0 })
        .execute();
      const parent = await db
        .selectFrom('companies')
        .select('id')
        .where('customer_id', '=', sample.customerId)
        .where('code', '=', sample.structures.parent)
        .executeTakeFirstOrThrow();
      // One unbalanced line in the budget bundle of the parent.
      await db
        .insertInto('bundles')
        .values({
          company_id: parent.id,
          period_id: empty.period_id,
          category_id: empty.category_id,
          account_id: (
            await db
              .selectFrom('accounts')
              .select('id')
              .where('customer_id', '=', sample.customerId)
              .where('code', '=', '1000')
              .executeTakeFirstOrThrow()
          ).id,
          partner_company_id: null,
          flow_id: null,
          dimension: null,
          amount: 12.34,
        })
        .execute();
      const id = await harness.enqueue(
        INTEGRATION_JOB_TYPE,
        { consos: ['202312BUD002', '202312BUD001', sample.consoCode] },
        user,
      );
      const record = await harness.wait(id);
      expect(record.state).toBe(JobState.Failed);
      // The failure's own entries; the other consos' outcomes follow them (see the checkpoint tests).
      expect(record.errorInfo?.filter((e) => e.severity === 'error')).toEqual([
        expect.objectContaining({
          code: 'BUNDLE_UNBALANCED',
          source: '202312BUD001',
          params: expect.objectContaining({ company: sample.structures.parent, conso: '202312BUD001' }),
        }),
      ]);
      const messages = await harness.messages(id, 'en');
      expect(messages).toContain("Conso '202312BUD002' has no companies in its scope; it was skipped");
      expect(messages[0]).toMatch(/^Conso 1\/3 '202312ACT001'/);
      const budRows = await db
        .selectFrom('consolidated_data')
        .select(sql<number>`count(*)`.as('n'))
        .where('conso_id', '=', budId)
        .executeTakeFirstOrThrow();
      expect(Number(budRows.n)).toBe(0);
      const actRows = await db
        .selectFrom('consolidated_data')
        .select(sql<number>`count(*)`.as('n'))
        .where('conso_id', '=', sample.consoId)
        .executeTakeFirstOrThrow();
      expect(Number(actRows.n)).toBeGreaterThan(0);
    },
  );
});
