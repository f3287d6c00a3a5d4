import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PeriodClosedError } from '@hangar/conso-db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleSnapshot } from '../testing/bundle-snapshot.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { tableSnapshot } from '../testing/table-snapshots.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportAdjustmentsJob } from './export-adjustments-job.js';
import { exportDataJob } from './export-data-job.js';
import { importAdjustmentsJob } from './import-adjustments-job.js';
import { importDataJob } from './import-data-job.js';
import { importExRateJob } from './import-exrate-job.js';

const backends = await testBackends();

describe.each(backends)('imports into a closed period on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  beforeEach(async () => {
    if (!skipReason) await setClosed(false);
  });
  const setClosed = (closed: boolean) =>
    fx.test.consoDb.db
      .updateTable('periods')
      .set(
        closed
          ? { closed_at: '2024-01-15T10:00:00.000Z', closed_by: 'controller' }
          : { closed_at: null, closed_by: null },
      )
      .where('id', '=', fx.demo.periodId)
      .execute();
  const execute = <P, R>(
    job: {
      create(s: DemoFixture['services']): {
        execute(p: P, c: ReturnType<typeof recordingContext>): Promise<R>;
      };
      params: { parse(v: unknown): P };
    },
    params: Record<string, unknown>,
  ) =>
    job
      .create(fx.services)
      .execute(job.params.parse({ customer: 'DEMO', ...params }), recordingContext(fx.services));
  const adjustmentLines = () =>
    fx.test.consoDb.db
      .selectFrom('adjustment_lines')
      .select(['journal_id', 'account_id', 'amount'])
      .orderBy('id')
      .execute();
  const expectClosed = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PeriodClosedError);
    expect(error).toMatchObject({
      code: 'PERIOD_CLOSED',
      params: { period: '202312', closedBy: 'controller', closedAt: '2024-01-15T10:00:00.000Z' },
    });
  };

  it.skipIf(skipReason)(
    'refuses a data import of the closed period and accepts it once reopened',
    async () => {
      const exported = await execute(exportDataJob, { period: '202312', category: 'ACT' });
      const file = exported.files[0]!.location;
      const before = await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId);
      await fx.test.consoDb.db.deleteFrom('bundles').where('period_id', '=', fx.demo.periodId).execute();
      const emptied = await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId);
      await setClosed(true);
      await expectClosed(execute(importDataJob, { period: '202312', category: 'ACT', file }));
      expect(await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId)).toEqual(emptied);
      await setClosed(false);
      await execute(importDataJob, { period: '202312', category: 'ACT', file });
      expect(await bundleSnapshot(fx.test.consoDb, fx.demo.periodId, fx.demo.categoryId)).toEqual(before);
    },
  );

  it.skipIf(skipReason)('refuses an adjustments import into a conso of the closed period', async () => {
    const exported = await execute(exportAdjustmentsJob, { conso: '202312ACT001' });
    const before = await adjustmentLines();
    expect(before.length).toBeGreaterThan(0);
    await setClosed(true);
    await expectClosed(
      execute(importAdjustmentsJob, { conso: '202312ACT001', file: exported.files[0]!.location }),
    );
    expect(await adjustmentLines()).toEqual(before);
  });

  it.skipIf(skipReason)(
    'refuses exchange rates whose rows name the closed period, writing none of the file',
    async () => {
      await fx.test.consoDb.db
        .insertInto('periods')
        .values({
          customer_id: fx.demo.customerId,
          year: 2024,
          month: 1,
          code: '202401',
          start_date: '2024-01-01',
          end_date: '2024-01-31',
        })
        .execute();
      await writeFile(
        join(fx.store.root, 'fx-closed.csv'),
        'period,category,currency,closing_rate,average_rate\n202401,ACT,USD,0.9,0.95\n202312,ACT,USD,0.5,0.6\n',
      );
      const before = await tableSnapshot(fx.test.consoDb, 'exchange_rates');
      await setClosed(true);
      await expectClosed(execute(importExRateJob, { file: 'fx-closed.csv' }));
      expect(await tableSnapshot(fx.test.consoDb, 'exchange_rates')).toEqual(before);
      await setClosed(false);
      await execute(importExRateJob, { file: 'fx-closed.csv', mode: 'merge' });
      expect(await tableSnapshot(fx.test.consoDb, 'exchange_rates')).not.toEqual(before);
    },
  );
});
