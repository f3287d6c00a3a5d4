import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTwoTenantSetup, type SharedTestDb, type TwoTenantSetup } from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { COPY_STRUCTURE_JOB_TYPE, type CopyStructureResult } from './copy-structure-job.js';

const backends = await backendsWithSkip();

describe.each(backends)('conso.copy-structure on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;
  let charlie: number;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, []);
    ({ db, fx, harness } = setup);
    const currency = await db.consoDb.db
      .selectFrom('customers')
      .select('reference_currency')
      .where('id', '=', fx.a.customerId)
      .executeTakeFirstOrThrow();
    await db.consoDb.db
      .insertInto('customers')
      .values({
        code: 'CHARLIE',
        name: 'Charlie',
        reference_currency: currency.reference_currency,
        created_at: '2024-01-01T00:00:00Z',
      })
      .execute();
    charlie = (
      await db.consoDb.db
        .selectFrom('customers')
        .select('id')
        .where('code', '=', 'CHARLIE')
        .executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterEach(async () => setup?.dispose());

  /** The structure of a customer by codes only (ids differ between customers). */
  const structure = async (customerId: number) => {
    const q = db.consoDb.db;
    const codes = async (table: 'companies' | 'flows' | 'categories' | 'ic_rules') =>
      (
        await q
          .selectFrom(table)
          .select('code')
          .where('customer_id', '=', customerId)
          .orderBy('code')
          .execute()
      ).map((r) => r.code);
    const accounts = await q
      .selectFrom('accounts as a')
      .leftJoin('accounts as p', 'p.id', 'a.parent_id')
      .select(['a.code', 'a.type', 'a.rate_type', 'a.role', 'p.code as parent'])
      .where('a.customer_id', '=', customerId)
      .orderBy('a.code')
      .execute();
    const ruleAccounts = await q
      .selectFrom('ic_rule_accounts as ra')
      .innerJoin('ic_rules as r', 'r.id', 'ra.ic_rule_id')
      .innerJoin('accounts as a', 'a.id', 'ra.account_id')
      .select(['r.code as rule', 'ra.side', 'a.code as account'])
      .where('r.customer_id', '=', customerId)
      .orderBy(['r.code', 'a.code'])
      .execute();
    const formulas = await q
      .selectFrom('formulas as f')
      .innerJoin('formula_groups as g', 'g.id', 'f.formula_group_id')
      .innerJoin('accounts as a', 'a.id', 'f.target_account_id')
      .select(['g.name', 'f.sequence', 'a.code as account', 'f.expression'])
      .where('g.customer_id', '=', customerId)
      .orderBy(['g.name', 'f.sequence'])
      .execute();
    return {
      companies: await codes('companies'),
      flows: await codes('flows'),
      categories: await codes('categories'),
      rules: await codes('ic_rules'),
      accounts,
      ruleAccounts,
      formulas,
    };
  };

  it.skipIf(skip !== undefined)(
    'a system job copies the structure to another customer, ids remapped through codes',
    async () => {
      const source = await structure(fx.a.customerId);
      expect(source.companies.length).toBeGreaterThan(2);
      expect(source.accounts.length).toBeGreaterThan(5);
      const aBefore = await tenantDataFingerprint(db.consoDb.db, fx.a.customerId);
      const record = await harness.run(COPY_STRUCTURE_JOB_TYPE, {
        customer: fx.a.code,
        targetCustomer: 'CHARLIE',
      });
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      const result = record.result?.result as CopyStructureResult;
      expect(result.conflicts).toEqual([]);
      expect(result.rows.accounts).toBe(source.accounts.length);
      expect(await structure(charlie)).toEqual(source);
      expect(await tenantDataFingerprint(db.consoDb.db, fx.a.customerId)).toEqual(aBefore);

      const again = await harness.run(COPY_STRUCTURE_JOB_TYPE, {
        customer: fx.a.code,
        targetCustomer: 'CHARLIE',
      });
      expect(again.errorInfo?.[0]).toMatchObject({
        code: 'COPY_CONFLICT',
        params: { param: 'targetCustomer' },
      });
      const cBefore = await tenantDataFingerprint(db.consoDb.db, charlie);
      const skipped = await harness.run(COPY_STRUCTURE_JOB_TYPE, {
        customer: fx.a.code,
        targetCustomer: 'CHARLIE',
        onConflict: 'skip',
      });
      expect(skipped.state).toBe(JobState.Succeeded);
      const skippedResult = skipped.result?.result as CopyStructureResult;
      expect(skippedResult.conflicts).toContain(`companies:${source.companies[0]}`);
      expect(Object.values(skippedResult.rows).every((n) => n === 0)).toBe(true);
      // Only the log entry of the run differs.
      const cAfter = await tenantDataFingerprint(db.consoDb.db, charlie);
      expect({ ...cAfter, modification_log: '' }).toEqual({ ...cBefore, modification_log: '' });
    },
  );

  it.skipIf(skip !== undefined)("refuses a customer's copy into another customer", async () => {
    const record = await harness.run(
      COPY_STRUCTURE_JOB_TYPE,
      { targetCustomer: fx.b.code },
      { customerId: fx.a.code },
    );
    expect(record.errorInfo?.[0]).toMatchObject({ code: 'TENANT_MISMATCH' });
    expect(JSON.stringify(record.errorInfo?.[0]?.params)).toContain('targetCustomer');
  });
});
