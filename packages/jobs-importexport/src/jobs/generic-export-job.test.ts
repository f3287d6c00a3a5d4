import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveMappingProfile } from '../mapping/mapping-profile.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { genericExportJob } from './generic-export-job.js';

const backends = await testBackends();

describe.each(backends)('generic export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    await saveMappingProfile(fx.test.consoDb.db, fx.demo.customerId, {
      code: 'RATES',
      name: 'Rates for the treasury system',
      targetTable: 'exchange_rates',
      fileFormat: 'csv',
      options: { csv: { delimiter: '\t' } },
      mappings: [
        { target: 'period_id', source: 'Period' },
        { target: 'category_id', constant: 'ACT' },
        { target: 'currency', source: 'Ccy' },
        { target: 'closing_rate', source: 'Close', numberFormat: { decimal: ',' } },
        { target: 'average_rate', source: 'Avg' },
      ],
    });
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });

  it.skipIf(skipReason)(
    'writes mapped columns only, filters on constants and parameters, in the layout',
    async () => {
      const result = await genericExportJob.create(fx.services).execute(
        genericExportJob.params.parse({
          customer: 'DEMO',
          profile: 'RATES',
          filters: { period_id: '202312', currency: 'USD' },
        }),
        recordingContext(fx.services),
      );
      const text = await readFile(fx.store.pathOf(result.files[0]!.location), 'utf8');
      expect(text.trim().split('\n')).toEqual(['Period\tCcy\tClose\tAvg', '202312\tUSD\t0,905\t0.925']);
    },
  );

  it.skipIf(skipReason)('refuses a filter on a column the table does not have', async () => {
    await expect(
      genericExportJob
        .create(fx.services)
        .execute(
          genericExportJob.params.parse({ customer: 'DEMO', profile: 'RATES', filters: { secret: 1 } }),
          recordingContext(fx.services),
        ),
    ).rejects.toMatchObject({ code: 'IMPORTEXPORT_BAD_PROFILE' });
  });
});
