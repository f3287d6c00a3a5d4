import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState, Translator } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoMessages } from '../messages/conso-messages.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import type { ConsoJobsOptions } from '../steps/conso-jobs-options.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { openTestDb, postgresSkipReason, type TestDb } from '../testing/test-db.js';
import { OWNERSHIP_JOB_TYPE } from './calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';

const skip = await postgresSkipReason();
const SIGNATURE = `(p_user_id integer, p_conso_id integer, p_company_ids text, p_execute_dimensions boolean,
  p_debug boolean, inout errorinfo text)`;
const STEPS = ['linkedCategories', 'bundles', 'adjustments', 'elims'] as const;

/** A procedure per step that records, when called, how many formula rows the conso has. */
const PROCEDURES = [
  `create table seen_calls (seq serial, conso_id integer, step text, formula_rows integer)`,
  ...STEPS.map(
    (step) => `create procedure p_seen_${step.toLowerCase()}${SIGNATURE} language plpgsql as $$
   begin
     insert into seen_calls (conso_id, step, formula_rows)
       select p_conso_id, '${step}', count(*) from consolidated_data where conso_id = p_conso_id and step = 'formulas';
   end $$`,
  ),
  `create procedure p_sleep${SIGNATURE} language plpgsql as $$
   begin
     perform pg_sleep(30);
   end $$`,
];

describe.skipIf(skip !== undefined)('conso.integration on PostgreSQL in stored procedure mode', () => {
  let testDb: TestDb;
  let sample: SampleGroupSummary;
  const harnesses: JobHarness[] = [];
  const user = { userId: 'sample9.admin', customerId: 'SAMPLE9' };

  async function harness(options: ConsoJobsOptions): Promise<JobHarness> {
    const started = await startJobHarness(createConsoJobsPlugin(options), testDb.consoDb);
    harnesses.push(started);
    return started;
  }

  async function formulaRowCount(): Promise<number> {
    const row = await testDb.consoDb.db
      .selectFrom('consolidated_data')
      .select(sql<number>`count(*)`.as('n'))
      .where('conso_id', '=', sample.consoId)
      .where('step', '=', 'formulas')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  beforeAll(async () => {
    testDb = await openTestDb('postgres', 6);
    sample = await generateSampleGroup(testDb.consoDb.db, { companies: 6, accounts: 40, seed: 9 });
    for (const statement of PROCEDURES) await sql.raw(statement).execute(testDb.consoDb.db);
    const h = await harness({});
    expect((await h.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, user)).state).toBe(
      JobState.Succeeded,
    );
  }, 60_000);

  afterAll(async () => {
    for (const h of harnesses) await h.stop();
    await testDb?.dispose();
  });

  it('runs the formulas once per run when every step is a procedure, after LinkedCategories and before the rest', async () => {
    const db = testDb.consoDb.db;
    const h = await harness({
      storedProcedures: Object.fromEntries(STEPS.map((step) => [step, `p_seen_${step.toLowerCase()}`])),
    });
    for (let flags = 1; flags <= 15; flags++) {
      await db.deleteFrom('consolidated_data').where('conso_id', '=', sample.consoId).execute();
      await sql`truncate seen_calls`.execute(db);
      const record = await h.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: flags }, user);
      expect(record.state, `steps ${flags}`).toBe(JobState.Succeeded);
      const written = await formulaRowCount();
      expect(written, `steps ${flags}`).toBeGreaterThan(0);
      const { rows } = await sql<{ step: string; formula_rows: number }>`
        select step, formula_rows from seen_calls order by seq`.execute(db);
      const selected = STEPS.filter((_, i) => (flags & (1 << i)) !== 0);
      // Each selected procedure ran once, in order; LinkedCategories saw no formula rows yet, the
      // others saw every row the formulas wrote.
      expect(
        rows.map((r) => r.step),
        `steps ${flags}`,
      ).toEqual(selected);
      for (const row of rows)
        expect(row.formula_rows, `steps ${flags} ${row.step}`).toBe(
          row.step === 'linkedCategories' ? 0 : written,
        );
    }
  }, 300_000);

  it('stops a step that runs longer than the statement limit, names step, conso and limit, and rolls back', async () => {
    const db = testDb.consoDb.db;
    await db.deleteFrom('consolidated_data').where('conso_id', '=', sample.consoId).execute();
    // A deployment limit far above the run's own: the param wins.
    const h = await harness({ storedProcedures: { adjustments: 'p_sleep' }, statementTimeoutMs: 600_000 });
    const id = await h.enqueue(
      INTEGRATION_JOB_TYPE,
      { consos: [sample.consoCode], steps: 6, statementTimeoutMs: 300 },
      user,
    );
    const record = await h.wait(id);
    expect(record.state).toBe(JobState.Failed);
    const entry = record.errorInfo?.[0];
    expect(entry).toMatchObject({
      code: 'STEP_TIMEOUT',
      source: sample.consoCode,
      params: { step: 'conso.step.adjustments', conso: sample.consoCode, limitMs: 300 },
    });
    const translator = new Translator().register(consoMessages);
    const message = { key: entry?.key ?? '', params: entry?.params ?? {} };
    expect(translator.render(message, 'en')).toBe(
      `Conso '${sample.consoCode}': step Converting and posting adjustments ran longer than the statement time limit of 300 ms; the conso was rolled back`,
    );
    expect(translator.render(message, 'fr')).toContain("l'étape Conversion et comptabilisation");
    // Bundles and formulas ran before the adjustments in the same transaction: all rolled back.
    const rows = await db
      .selectFrom('consolidated_data')
      .select(sql<number>`count(*)`.as('n'))
      .where('conso_id', '=', sample.consoId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(0);
    const log = await db
      .selectFrom('modification_log')
      .select(['message_key', 'params'])
      .where('log_group', '=', id)
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.message_key)).toEqual([
      'conso.log.integrationStarted',
      'conso.log.integrationFailed',
    ]);
    expect(JSON.parse(log[1]?.params ?? '{}')).toMatchObject({ code: 'STEP_TIMEOUT' });
  }, 120_000);

  it('applies the deployment limit when the run sets none, and leaves pooled connections without it', async () => {
    const db = testDb.consoDb.db;
    const h = await harness({ storedProcedures: { elims: 'p_sleep' }, statementTimeoutMs: 250 });
    const record = await h.run(INTEGRATION_JOB_TYPE, { consos: [sample.consoCode], steps: 8 }, user);
    expect(record.state).toBe(JobState.Failed);
    expect(record.errorInfo?.[0]).toMatchObject({
      code: 'STEP_TIMEOUT',
      params: { step: 'conso.step.elims', limitMs: 250 },
    });
    // SET LOCAL ended with the transaction: every pooled connection is back to the server default.
    const settings = await Promise.all(
      Array.from({ length: 6 }, () => sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)),
    );
    for (const { rows } of settings) expect(rows[0]?.statement_timeout).toBe('0');
  }, 120_000);
});
