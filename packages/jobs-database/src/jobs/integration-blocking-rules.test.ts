import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { ConfigurationError, JobState } from '@hangar/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { storedRowsFingerprint } from '../testing/engine-run-from-db.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { backendsWithSkip, openTestDb, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

describe.each(await backendsWithSkip())(
  'conso.integration with blocking validation rules on %s',
  (backend, skip) => {
    let testDb: TestDb;
    let harness: JobHarness;
    let blockingHarness: JobHarness;
    let sample: SampleGroupSummary;
    const user = { userId: 'sample5.admin', customerId: 'SAMPLE5' };

    beforeAll(async () => {
      if (skip !== undefined) return;
      testDb = await openTestDb(backend);
      sample = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 5 });
      harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb, 2);
      blockingHarness = await startJobHarness(
        createConsoJobsPlugin({ blockOnFailedRules: true }),
        testDb.consoDb,
        2,
      );
      expect((await harness.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, user)).state).toBe(
        JobState.Succeeded,
      );
    }, 60_000);
    afterAll(async () => {
      await harness?.stop();
      await blockingHarness?.stop();
      await testDb?.dispose();
    });
    beforeEach(async () => {
      if (skip === undefined) await testDb.consoDb.db.deleteFrom('validation_rules').execute();
    });
    const addRule = (code: string, left: object, blocking: boolean) =>
      testDb.consoDb.db
        .insertInto('validation_rules')
        .values({
          customer_id: sample.customerId,
          code,
          name: `Rule ${code}`,
          left_selector: JSON.stringify(left),
          right_selector: null,
          operator: 'equal',
          tolerance: 0,
          is_blocking: blocking ? 1 : 0,
        })
        .execute();
    /** Each company's P&L total in the conso's bundles, computed here independently of the job. */
    const profitAndLossByCompany = async () => {
      const rows = await testDb.consoDb.db
        .selectFrom('bundles as b')
        .innerJoin('accounts as a', 'a.id', 'b.account_id')
        .innerJoin('companies as c', 'c.id', 'b.company_id')
        .select(['c.code', 'b.amount'])
        .where('b.period_id', '=', sample.periodId)
        .where('a.type', '=', 'PL')
        .where('a.is_summary', '=', 0)
        .execute();
      const cents = new Map<string, number>();
      for (const row of rows)
        cents.set(row.code, (cents.get(row.code) ?? 0) + Math.round(Number(row.amount) * 100));
      return new Map([...cents].filter(([, c]) => c !== 0).map(([code, c]) => [code, c / 100]));
    };

    it.skipIf(skip !== undefined)(
      'refuses the conso when a blocking rule fails, listing company, rule, expected and actual; writes nothing',
      async () => {
        await addRule('PL_ZERO', { types: ['PL'] }, true);
        await addRule('BALANCED', { types: ['BS', 'EQ', 'PL'] }, true);
        const db = testDb.consoDb.db;
        const before = await storedRowsFingerprint(db, sample.consoId);
        const id = await harness.enqueue(
          INTEGRATION_JOB_TYPE,
          { consos: [sample.consoCode], blockingRules: true },
          user,
        );
        const record = await harness.wait(id);
        expect(record.state).toBe(JobState.Failed);
        const pl = await profitAndLossByCompany();
        expect(pl.size).toBeGreaterThan(0);
        const entries = record.errorInfo ?? [];
        expect(entries.find((e) => e.code === 'CONSO_BLOCKING_RULES_FAILED')).toMatchObject({
          params: { conso: sample.consoCode, rules: 'PL_ZERO', count: pl.size },
        });
        const failed = entries.filter((e) => e.code === 'CONSO_RULE_FAILED').map((e) => e.params);
        expect(failed).toEqual(
          [...pl]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([company, actual]) => ({
              company,
              rule: 'PL_ZERO',
              name: 'Rule PL_ZERO',
              expected: 0,
              actual,
              difference: actual,
            })),
        );
        const fr = (await harness.messages(id, 'fr')).join('\n');
        expect(fr).toContain('contrôle(s) bloquant(s) en échec (PL_ZERO)');
        expect(await storedRowsFingerprint(db, sample.consoId)).toEqual(before);
        const log = await db
          .selectFrom('modification_log')
          .select('id')
          .where('log_group', '=', id)
          .execute();
        expect(log).toEqual([]);
      },
    );

    it.skipIf(skip !== undefined)(
      'runs when only non-blocking rules fail, or when the check is off for the run',
      async () => {
        await addRule('PL_ZERO', { types: ['PL'] }, false);
        await addRule('BALANCED', { types: ['BS', 'EQ', 'PL'] }, true);
        const passing = await harness.run(
          INTEGRATION_JOB_TYPE,
          { consos: [sample.consoCode], blockingRules: true },
          user,
        );
        expect(passing.state, JSON.stringify(passing.errorInfo)).toBe(JobState.Succeeded);
        await addRule('PL_ZERO_B', { types: ['PL'] }, true);
        // The plugin's setting turns the check on; the param turns it off for one run.
        const blocked = await blockingHarness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
        expect(blocked.errorInfo?.[0]?.code).toBe('CONSO_BLOCKING_RULES_FAILED');
        const off = await blockingHarness.run(
          INTEGRATION_JOB_TYPE,
          { consos: [sample.consoCode], blockingRules: false },
          user,
        );
        expect(off.state, JSON.stringify(off.errorInfo)).toBe(JobState.Succeeded);
        // Without the setting or the param nothing is evaluated.
        const plain = await harness.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode] }, user);
        expect(plain.state).toBe(JobState.Succeeded);
      },
    );

    it('refuses a setting that is not a boolean when the plugin is built', () => {
      expect(() => createConsoJobsPlugin({ blockOnFailedRules: 'yes' as unknown as boolean })).toThrow(
        ConfigurationError,
      );
    });
  },
);
