import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { backendsWithSkip, openTestDb, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import {
  type ProcessManagementResult,
  PROCESS_MANAGEMENT_JOB_TYPE as TYPE,
} from './process-management-job.js';

const PAST = { submitted: '2020-01-01', validated: '2020-01-02', consolidated: '2020-01-03' };
const FUTURE = { submitted: '2999-01-01', validated: '2999-01-02', consolidated: '2999-01-03' };

describe.each(await backendsWithSkip())('conso.process-management on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let first: SampleGroupSummary;
  let second: SampleGroupSummary;
  const userOf = (sample: SampleGroupSummary) => ({
    userId: `${sample.customerCode.toLowerCase()}.admin`,
    customerId: sample.customerCode,
  });

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    first = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 9 });
    second = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 10 });
    harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb, 2);
    for (const sample of [first, second])
      expect((await harness.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, userOf(sample))).state).toBe(
        JobState.Succeeded,
      );
  }, 90_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  const run = async (sample: SampleGroupSummary, params: Record<string, unknown> = {}) => {
    const id = await harness.enqueue(TYPE, { conso: sample.consoCode, ...params }, userOf(sample));
    const record = await harness.wait(id);
    expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
    return { id, record, result: record.result?.result as ProcessManagementResult };
  };
  const perimeter = async (sample: SampleGroupSummary) =>
    (
      await testDb.consoDb.db
        .selectFrom('ownerships as o')
        .innerJoin('companies as c', 'c.id', 'o.company_id')
        .select('c.code')
        .where('o.conso_id', '=', sample.consoId)
        .orderBy('c.code')
        .execute()
    ).map((row) => row.code);
  const logOf = (jobId: string, key: string) =>
    testDb.consoDb.db
      .selectFrom('modification_log')
      .select(['params', 'customer_id'])
      .where('log_group', '=', jobId)
      .where('message_key', '=', key)
      .execute();

  it.skipIf(skip !== undefined)(
    'validates every company, starts the consolidation once under the tenant, reminds late companies once a day',
    async () => {
      const companies = await perimeter(first);
      expect(companies.length).toBeGreaterThan(2);
      const one = await run(first, { deadlines: PAST });
      expect(one.result.companies).toEqual(
        companies.map((company) => ({ company, submitted: true, validated: true, consolidated: false })),
      );
      expect(one.result.started).toHaveLength(1);
      const step = await harness.runner.client.get(one.result.started[0]!.jobId);
      expect(step).toMatchObject({ type: INTEGRATION_JOB_TYPE, customerId: first.customerCode });
      // Late for the consolidation (due 2020-01-03): one reminder per company, as warning and log entry.
      expect(one.result.reminders.map((r) => [r.company, r.stage])).toEqual(
        companies.map((company) => [company, 'consolidated']),
      );
      const reminders = await logOf(one.id, 'conso.log.processReminder');
      expect(reminders.map((r) => JSON.parse(r.params).company)).toEqual(companies);
      expect(new Set(reminders.map((r) => r.customer_id))).toEqual(new Set([first.customerId]));
      expect(one.record.result?.warnings?.length).toBe(companies.length);
      const progress = (await harness.runner.client.getLog(one.id)).filter((e) => e.level === 'progress');
      expect(progress.map((e) => [e.current, e.total])).toEqual([
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 4],
        [4, 4],
      ]);
      expect((await harness.wait(step!.id)).state).toBe(JobState.Succeeded);

      const two = await run(first);
      expect(two.result.companies.every((c) => c.consolidated)).toBe(true);
      expect(two.result.started).toEqual([]);
      expect(two.result.reminders).toEqual([]);
      const steps = await testDb.consoDb.db.selectFrom('closing_steps').selectAll().execute();
      expect(steps.map((s) => [s.stage, s.job_id, s.started_by])).toEqual([
        ['consolidated', step!.id, `${first.customerCode.toLowerCase()}.admin`],
      ]);

      // New data for one company (moved between two of its rows, still balanced): its
      // consolidation no longer holds, and the consolidation is not started a second time.
      const [changed] = companies;
      const rows = await testDb.consoDb.db
        .selectFrom('bundles as b')
        .innerJoin('companies as c', 'c.id', 'b.company_id')
        .select(['b.id', 'b.amount'])
        .where('c.code', '=', changed!)
        .where('b.period_id', '=', first.periodId)
        .where('c.customer_id', '=', first.customerId)
        .orderBy('b.id')
        .execute();
      const positive = rows.find((r) => Number(r.amount) > 0)!;
      const negative = rows.find((r) => Number(r.amount) < 0)!;
      await testDb.consoDb.db
        .updateTable('bundles')
        .set({ amount: Number(positive.amount) + 10 })
        .where('id', '=', positive.id)
        .execute();
      await testDb.consoDb.db
        .updateTable('bundles')
        .set({ amount: Number(negative.amount) - 10 })
        .where('id', '=', negative.id)
        .execute();
      const three = await run(first);
      expect(three.result.companies.find((c) => c.company === changed)).toEqual({
        company: changed,
        submitted: true,
        validated: true,
        consolidated: false,
      });
      expect(three.result.changes).toContainEqual({
        company: changed,
        stage: 'consolidated',
        change: 'reset',
      });
      expect(three.result.started).toEqual([]);
      expect(three.result.reminders).toEqual([]);
    },
  );

  it.skipIf(skip !== undefined)(
    'holds back companies without data or failing a rule, starts nothing, reminds them of their stage',
    async () => {
      const db = testDb.consoDb.db;
      const companies = await perimeter(second);
      const [missing] = companies;
      const missingId = (
        await db
          .selectFrom('companies')
          .select('id')
          .where('customer_id', '=', second.customerId)
          .where('code', '=', missing!)
          .executeTakeFirstOrThrow()
      ).id;
      await db.deleteFrom('bundles').where('company_id', '=', missingId).execute();
      await db
        .insertInto('validation_rules')
        .values({
          customer_id: second.customerId,
          code: 'PL_ZERO',
          name: 'P&L is zero',
          left_selector: JSON.stringify({ types: ['PL'] }),
          right_selector: null,
          operator: 'equal',
          tolerance: 0,
        })
        .execute();
      const early = await run(second, { deadlines: FUTURE });
      expect(early.result.companies.find((c) => c.company === missing)).toMatchObject({ submitted: false });
      expect(early.result.companies.filter((c) => c.validated)).toEqual([]);
      expect(early.result.started).toEqual([]);
      expect(early.result.reminders).toEqual([]);

      const late = await run(second, { deadlines: PAST });
      const stages = late.result.reminders.map((r) => `${r.company}:${r.stage}`);
      expect(stages).toContain(`${missing}:submitted`);
      expect(stages).toContain(`${missing}:validated`);
      for (const company of companies.slice(1)) expect(stages).toContain(`${company}:validated`);
      expect(stages.filter((s) => s.endsWith(':submitted'))).toEqual([`${missing}:submitted`]);
      const fr = (await harness.messages(late.id, 'fr')).join('\n');
      expect(fr).toContain(`La société ${missing} est en retard`);
      expect(fr).toContain('données remontées attendu au plus tard le 2020-01-01');
      const steps = await db
        .selectFrom('closing_steps as s')
        .innerJoin('closing_processes as p', 'p.id', 's.process_id')
        .select('s.id')
        .where('p.customer_id', '=', second.customerId)
        .execute();
      expect(steps).toEqual([]);
    },
  );

  it.skipIf(skip !== undefined)(
    'refuses deadlines out of stage order before anything is stored',
    async () => {
      const before = await testDb.consoDb.db.selectFrom('closing_processes').selectAll().execute();
      await expect(
        harness.enqueue(
          TYPE,
          { conso: first.consoCode, deadlines: { submitted: '2024-02-01', validated: '2024-01-01' } },
          userOf(first),
        ),
      ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
      expect(await testDb.consoDb.db.selectFrom('closing_processes').selectAll().execute()).toEqual(before);
    },
  );
});
