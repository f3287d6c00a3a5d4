import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { exportExRateJob } from './export-exrate-job.js';

const backends = await testBackends();

describe.each(backends)('rate export on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const lines = async (params: Record<string, unknown>) => {
    const result = await exportExRateJob
      .create(fx.services)
      .execute(exportExRateJob.params.parse({ customer: 'DEMO', ...params }), recordingContext(fx.services));
    return (await readFile(fx.store.pathOf(result.files[0]!.location), 'utf8')).trim().split('\n');
  };

  it.skipIf(skipReason)('filters exchange rates by period and category', async () => {
    const rows = await lines({ periods: ['202312'], categories: ['ACT'] });
    expect(rows[0]).toBe('period,category,currency,closing_rate,average_rate');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((row) => row.startsWith('202312,ACT,'))).toBe(true);
    expect(rows).toContain('202312,ACT,USD,0.905,0.925');
  });

  it.skipIf(skipReason)(
    "writes a conso's historical rates, a rate or a carried amount on each row",
    async () => {
      const rows = await lines({ kind: 'historical', conso: '202312ACT001' });
      expect(rows.slice(1).sort()).toEqual(
        ['US1,3000,0.8,', 'US1,3100,,-520000', 'UK1,3000,1.2,', 'UK1,3100,,-290000'].sort(),
      );
    },
  );

  it.skipIf(skipReason)('needs a conso for historical rates', () => {
    expect(exportExRateJob.params.safeParse({ customer: 'DEMO', kind: 'historical' }).success).toBe(false);
  });
});
