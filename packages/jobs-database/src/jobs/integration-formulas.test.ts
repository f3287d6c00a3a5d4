import { generateSampleGroup, type SampleGroupSummary } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { copyBundles, copySampleConso } from '../testing/copy-conso.js';
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

/** English names of the steps in progress messages, by flag. */
const STEP_TEXT: [number, string][] = [
  [1, 'Carrying linked categories'],
  [2, 'Converting and integrating bundles'],
  [4, 'Converting and posting adjustments'],
  [8, 'Running the eliminations'],
];
const FORMULAS_TEXT = 'Applying the formulas before consolidation';
const ALL_FLAGS = Array.from({ length: 15 }, (_, i) => i + 1);

/**
 * The product's rule, stated independently of the job's code: the formulas run once per run,
 * right after LinkedCategories when flag 1 is set, else before every other step.
 */
function expectedOrder(flags: number): string[] {
  const steps = STEP_TEXT.filter(([flag]) => (flags & flag) !== 0).map(([, text]) => text);
  return (flags & 1) !== 0
    ? [steps[0] as string, FORMULAS_TEXT, ...steps.slice(1)]
    : [FORMULAS_TEXT, ...steps];
}

describe.each(backends)('conso.integration formulas on every run, on %s', (backend, skip) => {
  let testDb: TestDb;
  let harness: JobHarness;
  let sample: SampleGroupSummary;
  let targetId: number;
  let reference: Map<string, number>;
  const user = { userId: 'sample5.admin', customerId: 'SAMPLE5' };
  const target = '202312BUD001';

  /** Formula rows of a conso as `company/account → amount` (rounded to the cent). */
  async function formulaRows(consoId: number): Promise<Map<string, number>> {
    const rows = await testDb.consoDb.db
      .selectFrom('consolidated_data')
      .select(['company_id', 'account_id', 'origin', sql<number>`sum(amount_gc)`.as('amount')])
      .where('conso_id', '=', consoId)
      .where('step', '=', 'formulas')
      .groupBy(['company_id', 'account_id', 'origin'])
      .execute();
    return new Map(
      // `+ 0` turns a rounded -0 into 0.
      rows.map((r) => [
        `${r.company_id}/${r.account_id}/${r.origin}`,
        Math.round(Number(r.amount) * 100) + 0,
      ]),
    );
  }

  beforeAll(async () => {
    if (skip !== undefined) return;
    testDb = await openTestDb(backend);
    const db = testDb.consoDb.db;
    sample = await generateSampleGroup(db, { companies: 6, accounts: 40, seed: 5 });
    harness = await startJobHarness(createConsoJobsPlugin({ companyBatchSize: 4 }), testDb.consoDb);
    expect((await harness.run(OWNERSHIP_JOB_TYPE, { conso: sample.consoCode }, user)).state).toBe(
      JobState.Succeeded,
    );
    // The BUD conso of the same period takes its bundles from ACT through a copy link.
    targetId = await copySampleConso(db, sample, { code: target, category: 'BUD' });
    // The reference: the formulas' rows on BUD's bundles, present before the run.
    expect((await harness.run(INTEGRATION_JOB_TYPE, { consos: [target], steps: 2 }, user)).state).toBe(
      JobState.Succeeded,
    );
    reference = await formulaRows(targetId);
    await db
      .insertInto('category_links')
      .values({
        customer_id: sample.customerId,
        source_conso_id: sample.consoId,
        target_conso_id: targetId,
        mode: 'copy',
        data_types: 'bundles',
      })
      .execute();
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  it.skipIf(skip !== undefined)('the sample has formulas that write rows', () => {
    expect(reference.size).toBeGreaterThan(0);
  });

  it.skipIf(skip !== undefined)(
    'runs the formulas exactly once per run, at the product point, for all 15 step combinations',
    async () => {
      const db = testDb.consoDb.db;
      const bud = await readConso(db, targetId);
      const act = await readConso(db, sample.consoId);
      for (const flags of ALL_FLAGS) {
        // With LinkedCategories the target starts empty: formula rows can only come from formulas
        // that ran after it copied the bundles. Without it the bundles are there already.
        await db.deleteFrom('consolidated_data').where('conso_id', '=', targetId).execute();
        await db
          .deleteFrom('bundles')
          .where('period_id', '=', bud.period_id)
          .where('category_id', '=', bud.category_id)
          .execute();
        if ((flags & 1) === 0) await copyBundles(db, act, bud.category_id);
        const id = await harness.enqueue(INTEGRATION_JOB_TYPE, { consos: [target], steps: flags }, user);
        const record = await harness.wait(id);
        expect(record.errorInfo, `steps ${flags}`).toBeUndefined();
        expect(record.state, `steps ${flags}`).toBe(JobState.Succeeded);
        const prefix = `Conso 1/1 '${target}': `;
        const order = (await harness.messages(id, 'en'))
          .filter((m) => m.startsWith(prefix))
          .map((m) => m.slice(prefix.length));
        expect(order, `steps ${flags}`).toEqual(expectedOrder(flags));
        expect(await formulaRows(targetId), `steps ${flags}`).toEqual(reference);
        // The Bundles step no longer applies them itself, so nothing is counted twice.
        const inBundles = await db
          .selectFrom('consolidated_data')
          .select(sql<number>`count(*)`.as('n'))
          .where('conso_id', '=', targetId)
          .where('origin', '=', 'formula')
          .where('step', '<>', 'formulas')
          .executeTakeFirstOrThrow();
        expect(Number(inBundles.n), `steps ${flags}`).toBe(0);
      }
    },
    600_000,
  );
});
