import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import type { ConsoJobsOptions } from '../steps/conso-jobs-options.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { readConso } from '../testing/read-conso.js';
import { openTestDb, postgresSkipReason, type TestDb } from '../testing/test-db.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

const skip = await postgresSkipReason();
const SIGNATURE = `(p_user_id integer, p_conso_id integer, p_company_ids text, p_execute_dimensions boolean,
  p_debug boolean, inout errorinfo text)`;

/** Procedures the tests install in their own schema (the connection's search_path). */
const PROCEDURES = [
  `create table sp_calls (conso_id integer, marker text, started timestamptz, ended timestamptz)`,
  `create procedure p_bundles${SIGNATURE} language plpgsql as $$
   declare n integer;
   begin
     delete from consolidated_data where conso_id = p_conso_id and step = 'bundles';
     insert into consolidated_data (conso_id, company_id, account_id, partner_company_id, flow_id, dimension, origin, step, amount_gc)
       select p_conso_id, b.company_id, b.account_id, b.partner_company_id, b.flow_id, null, 'bundle', 'bundles', sum(b.amount)
       from bundles b join consos c on c.period_id = b.period_id and c.category_id = b.category_id
       where c.id = p_conso_id
       group by b.company_id, b.account_id, b.partner_company_id, b.flow_id;
     get diagnostics n = row_count;
     insert into sp_calls values (p_conso_id, 'bundles by ' || coalesce(p_user_id::text, '-') || ' debug ' || p_debug::text, clock_timestamp(), clock_timestamp());
     errorinfo := '<errorinfo><error code="SP_ROWS" key="sql.SP_ROWS" severity="warning"><param name="rows" type="number">' || n || '</param></error></errorinfo>';
   end $$`,
  `create procedure p_elims_fail${SIGNATURE} language plpgsql as $$
   begin
     errorinfo := '<errorinfo><error code="IC_MISMATCH" key="sql.IC_MISMATCH" severity="error" source="p_elims_fail">'
       || '<param name="company">C1 &amp; Co</param><param name="amount" type="number">12.5</param></error></errorinfo>';
   end $$`,
  `create procedure p_slow${SIGNATURE} language plpgsql as $$
   begin
     insert into sp_calls values (p_conso_id, 'slow', clock_timestamp(), null);
     perform pg_sleep(30);
   end $$`,
  `create procedure p_record${SIGNATURE} language plpgsql as $$
   begin
     insert into sp_calls values (p_conso_id, 'record', clock_timestamp(), null);
     perform pg_sleep(0.4);
     update sp_calls set ended = clock_timestamp() where conso_id = p_conso_id and marker = 'record' and ended is null;
   end $$`,
];

describe.skipIf(skip !== undefined)(
  'conso.integration on PostgreSQL: stored procedures, cancellation, locks',
  () => {
    let testDb: TestDb;
    let sample: SampleGroupSummary;
    const harnesses: JobHarness[] = [];
    const user = { userId: 'sample3.admin', customerId: 'SAMPLE3' };

    async function harness(options: ConsoJobsOptions): Promise<JobHarness> {
      const started = await startJobHarness(createConsoJobsPlugin(options), testDb.consoDb);
      harnesses.push(started);
      return started;
    }

    async function calls(marker: string) {
      return testDb.consoDb.db
        .selectFrom('sp_calls' as never)
        .selectAll()
        .where(sql.ref('marker'), 'like', `${marker}%`)
        .execute() as Promise<{ conso_id: number; marker: string; started: Date; ended: Date | null }[]>;
    }

    beforeAll(async () => {
      testDb = await openTestDb('postgres', 6);
      sample = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 3 });
      for (const statement of PROCEDURES) await sql.raw(statement).execute(testDb.consoDb.db);
    }, 60_000);

    afterAll(async () => {
      for (const h of harnesses) await h.stop();
      await testDb?.dispose();
    });

    it('calls the configured procedure with the run parameters and reports its warnings', async () => {
      const h = await harness({ storedProcedures: { bundles: 'p_bundles' } });
      const id = await h.enqueue(
        INTEGRATION_JOB_TYPE,
        { consos: [sample.consoCode], steps: 2, debug: true },
        user,
      );
      const record = await h.wait(id);
      expect(record.state).toBe(JobState.Succeeded);
      expect(record.result?.warnings?.[0]).toMatchObject({
        key: 'sql.SP_ROWS',
        params: { rows: expect.any(Number) },
      });
      const rows = await testDb.consoDb.db
        .selectFrom('consolidated_data')
        .select(sql<number>`count(*)`.as('n'))
        .where('conso_id', '=', sample.consoId)
        .where('step', '=', 'bundles')
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBeGreaterThan(0);
      const login = await testDb.consoDb.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', 'sample3.admin')
        .executeTakeFirstOrThrow();
      expect((await calls('bundles')).map((c) => c.marker)).toContain(`bundles by ${login.id} debug true`);
    });

    it('parses the @errorinfo XML of a failing procedure into ErrorInfo and rolls the conso back', async () => {
      const h = await harness({ storedProcedures: { bundles: 'p_bundles', elims: 'p_elims_fail' } });
      await testDb.consoDb.db.deleteFrom('consolidated_data').execute();
      const before = (await calls('bundles')).length;
      const record = await h.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: 10 }, user);
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo).toEqual([
        expect.objectContaining({
          code: 'STORED_PROCEDURE_FAILED',
          params: expect.objectContaining({ procedure: 'p_elims_fail' }),
        }),
        {
          code: 'IC_MISMATCH',
          key: 'sql.IC_MISMATCH',
          severity: 'error',
          source: 'p_elims_fail',
          params: { company: 'C1 & Co', amount: 12.5 },
        },
      ]);
      expect((await calls('bundles')).length).toBe(before);
      const rows = await testDb.consoDb.db
        .selectFrom('consolidated_data')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(0);
    });

    it('cancels the running SQL on cancellation, rolls back and ends Cancelled', async () => {
      const h = await harness({ storedProcedures: { bundles: 'p_slow' } });
      const id = await h.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: 2 }, user);
      const db = testDb.consoDb.db;
      let running = false;
      for (let i = 0; i < 400 && !running; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where state = 'active' and query like 'call "p_slow"%'`.execute(db);
        running = (rows[0]?.n ?? 0) > 0;
        if (!running) await new Promise((r) => setTimeout(r, 25));
      }
      expect(running).toBe(true);
      const cancelledAt = Date.now();
      await h.runner.client.cancel(id);
      const record = await h.wait(id);
      expect(record.state).toBe(JobState.Cancelled);
      expect(Date.now() - cancelledAt).toBeLessThan(5000);
      expect(await calls('slow')).toEqual([]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where state = 'active' and query like 'call "p_slow"%'`.execute(db);
      expect(rows[0]?.n).toBe(0);
    });

    it('never runs two jobs on one conso at once, whatever their conso sets', async () => {
      const db = testDb.consoDb.db;
      const act = await readConso(db, sample.consoId);
      await db
        .insertInto('consos')
        .values({ ...act, id: undefined, code: '202312ACT002', name: 'Second' })
        .execute();
      const h = await harness({ storedProcedures: { bundles: 'p_record' }, lockWaitMs: 20_000 });
      const ids = await Promise.all([
        h.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: 2 }, user),
        h.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode, '202312ACT002'], steps: 2 }, user),
        h.enqueue(INTEGRATION_JOB_TYPE, { consos: [sample.consoId], steps: 2 }, user),
      ]);
      const records = await Promise.all(ids.map((id) => h.wait(id)));
      expect(records.map((r) => r.state)).toEqual([
        JobState.Succeeded,
        JobState.Succeeded,
        JobState.Succeeded,
      ]);
      const spans = (await calls('record'))
        .filter((c) => c.conso_id === sample.consoId)
        .map((c) => [new Date(c.started).getTime(), new Date(c.ended ?? 0).getTime()] as const)
        .sort((a, b) => a[0] - b[0]);
      expect(spans).toHaveLength(3);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
    });
  },
);
