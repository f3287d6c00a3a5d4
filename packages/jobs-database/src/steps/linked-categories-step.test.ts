import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '../case-loading/load-case.js';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { openTestDb, type TestDb } from '../testing/test-db.js';

const LINKED = {
  step: 'LinkedCategories',
  input: {
    link: {
      source: { period: '2023.12', category: 'ACT' },
      target: { period: '2024.12', category: 'BUD' },
      mode: 'closing_to_opening',
      retained_earnings_account: 'RE',
      opening_flow: 'F00',
    },
    accounts: { CASH: { type: 'BS' }, SC: { type: 'EQ' }, RE: { type: 'EQ' }, REV: { type: 'PL' } },
    source_data: {
      A: [
        { account: 'CASH', amount: 100, flow: 'F00' },
        { account: 'CASH', amount: 50, flow: 'F20' },
        { account: 'SC', amount: -100, flow: 'F00' },
        { account: 'REV', amount: -50 },
      ],
    },
  },
};

describe('LinkedCategories step', () => {
  let testDb: TestDb;
  let harness: JobHarness;
  let consoId: number;

  /** The target conso's bundle as sorted `account/flow/amount` lines. */
  async function target(): Promise<string[]> {
    const { rows } = await sql<{
      account: string;
      flow: string | null;
      amount: number;
    }>`select a.code as account, f.code as flow, b.amount
      from bundles b join consos c on c.period_id = b.period_id and c.category_id = b.category_id
      join accounts a on a.id = b.account_id left join flows f on f.id = b.flow_id
      where c.id = ${consoId}`.execute(testDb.consoDb.db);
    return rows.map((r) => `${r.account}/${r.flow ?? '-'}/${Number(r.amount)}`).sort();
  }

  beforeAll(async () => {
    testDb = await openTestDb('sqlite');
    consoId = (await loadCase(testDb.consoDb.db, LINKED)).consoId;
    harness = await startJobHarness(createConsoJobsPlugin(), testDb.consoDb);
  });
  afterAll(async () => {
    await harness.stop();
    await testDb.dispose();
  });

  it('carries closings to the opening flow, result into retained earnings, and replaces on re-run', async () => {
    for (let run = 0; run < 2; run++) {
      const record = await harness.run(
        INTEGRATION_JOB_TYPE,
        { consos: [consoId], steps: 1 },
        { customerId: 'CASE' },
      );
      expect(record.state).toBe(JobState.Succeeded);
      expect(await target()).toEqual(['CASH/F00/150', 'RE/F00/-50', 'SC/F00/-100']);
    }
  });

  it('copies the source flow by flow in copy mode, replacing what the target had', async () => {
    await testDb.consoDb.db.updateTable('category_links').set({ mode: 'copy' }).execute();
    for (let run = 0; run < 2; run++) {
      const record = await harness.run(
        INTEGRATION_JOB_TYPE,
        { consos: [consoId], steps: 1 },
        { customerId: 'CASE' },
      );
      expect(record.state).toBe(JobState.Succeeded);
      expect(await target()).toEqual(['CASH/F00/100', 'CASH/F20/50', 'REV/-/-50', 'SC/F00/-100']);
    }
  });
});
