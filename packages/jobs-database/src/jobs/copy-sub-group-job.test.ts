import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTwoTenantSetup, type SharedTestDb, type TwoTenantSetup } from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { trialBalance } from '../testing/trial-balance.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import { COPY_SUB_GROUP_JOB_TYPE, type CopySubGroupResult } from './copy-sub-group-job.js';

const backends = await backendsWithSkip();
const A = { customerId: 'ALPHA', userId: 'alice' };

describe.each(backends)('conso.copy-sub-group on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, ['a']);
    ({ db, fx, harness } = setup);
    const source = await db.consoDb.db
      .selectFrom('consos')
      .selectAll()
      .where('id', '=', fx.a.consoId)
      .executeTakeFirstOrThrow();
    // An empty conso of the same period and category to copy into.
    await db.consoDb.db
      .insertInto('consos')
      .values({
        customer_id: source.customer_id,
        code: '202312ACT050',
        name: 'Target',
        period_id: source.period_id,
        category_id: source.category_id,
        group_currency: source.group_currency,
        parent_company_id: source.parent_company_id,
        created_at: source.created_at,
      })
      .execute();
  }, 120_000);
  afterEach(async () => setup?.dispose());

  const idOf = async (code: string) =>
    (
      await db.consoDb.db
        .selectFrom('consos')
        .select('id')
        .where('customer_id', '=', fx.a.customerId)
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const tb = (consoId: number) => trialBalance(db.consoDb.db, consoId);

  it.skipIf(skip !== undefined)(
    'the sub-group of the parent is the whole group: the target consolidates to the same trial balance',
    async () => {
      const parent = fx.a.companyCodes[0] as string;
      const record = await harness.run(
        COPY_SUB_GROUP_JOB_TYPE,
        { conso: fx.a.consoCode, company: parent, targetConso: '202312ACT050' },
        A,
      );
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      const result = record.result?.result as CopySubGroupResult;
      expect([...result.companies].sort()).toEqual([...fx.a.companyCodes].sort());
      const run = await harness.run(INTEGRATION_JOB_TYPE, { consos: ['202312ACT050'] }, A);
      expect(run.state, JSON.stringify(run.errorInfo)).toBe(JobState.Succeeded);
      const source = await tb(fx.a.consoId);
      expect(Object.keys(source).length).toBeGreaterThan(3);
      expect(await tb(await idOf('202312ACT050'))).toEqual(source);

      const again = await harness.run(
        COPY_SUB_GROUP_JOB_TYPE,
        { conso: fx.a.consoCode, company: parent, targetConso: '202312ACT050' },
        A,
      );
      expect(again.errorInfo?.[0]).toMatchObject({ code: 'COPY_CONFLICT', params: { param: 'targetConso' } });
    },
    180_000,
  );

  it.skipIf(skip !== undefined)('a company that holds nothing copies alone', async () => {
    const { rows } = await sql<{ code: string }>`select c.code from companies c
      join ownerships o on o.company_id = c.id and o.conso_id = ${fx.a.consoId}
      where not exists (select 1 from holdings h where h.conso_id = ${fx.a.consoId} and h.holder_company_id = c.id)
      order by c.code`.execute(db.consoDb.db);
    const leaf = rows[0]?.code;
    if (leaf === undefined) throw new Error('the fixture has no company without holdings');
    const record = await harness.run(
      COPY_SUB_GROUP_JOB_TYPE,
      { conso: fx.a.consoCode, company: leaf, targetConso: '202312ACT050' },
      A,
    );
    expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
    expect(record.result?.result).toMatchObject({ companies: [leaf] });
    const owned = await db.consoDb.db
      .selectFrom('ownerships')
      .select('company_id')
      .where('conso_id', '=', await idOf('202312ACT050'))
      .execute();
    expect(owned).toEqual([{ company_id: fx.a.companies[leaf] }]);
  });
});
