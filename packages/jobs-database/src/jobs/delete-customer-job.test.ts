import { lockConso } from '@hangar/conso-db';
import { type TwoTenantFixture, tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerDeletionPlan } from '../deletion/deletion-plan.js';
import {
  crashDeletionMidway,
  openTwoTenantSetup,
  rowsLeft,
  type SharedTestDb,
  type TwoTenantSetup,
} from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import { DELETE_CUSTOMER_JOB_TYPE, type DeleteCustomerResult } from './delete-customer-job.js';

const backends = await backendsWithSkip();
const SHARED = new Set(['currencies', 'translations']);

describe.each(backends)('conso.delete-customer on %s', (backend, skip) => {
  let db: SharedTestDb;
  let harness: JobHarness;
  let fx: TwoTenantFixture;

  const fingerprint = (customerId: number) => tenantDataFingerprint(db.consoDb.db, customerId);
  const customerRow = (id: number) =>
    db.consoDb.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  /** Tables where B still owns rows, directly or through foreign keys. */
  const tablesOwnedByB = async () =>
    Object.entries(await fingerprint(fx.b.customerId))
      .filter(([table, print]) => !SHARED.has(table) && !print.startsWith('0:'))
      .map(([table]) => table);

  let setup: TwoTenantSetup;
  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, ['b']);
    ({ db, fx, harness } = setup);
  }, 120_000);
  afterEach(async () => setup?.dispose());

  it.skipIf(skip !== undefined)(
    'a system job removes the customer from every table and leaves the other customer alone',
    async () => {
      expect(await tablesOwnedByB()).toContain('consolidated_data');
      const aBefore = await fingerprint(fx.a.customerId);
      const record = await harness.run(DELETE_CUSTOMER_JOB_TYPE, { customer: fx.b.code, batchSize: 7 });
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      expect(record.result?.result as DeleteCustomerResult).toMatchObject({
        customer: fx.b.code,
        resumed: false,
      });
      expect(await tablesOwnedByB()).toEqual([]);
      expect(await customerRow(fx.b.customerId)).toBeUndefined();
      expect(await fingerprint(fx.a.customerId)).toEqual(aBefore);
      const total = customerDeletionPlan(fx.b.customerId).length;
      expect(record.progress).toMatchObject({ current: total, total });
    },
    120_000,
  );

  it.skipIf(skip !== undefined)("is refused to a customer's job, even for its own customer", async () => {
    const aBefore = await fingerprint(fx.a.customerId);
    const bBefore = await fingerprint(fx.b.customerId);
    for (const customer of [fx.a.code, fx.b.code]) {
      const record = await harness.run(DELETE_CUSTOMER_JOB_TYPE, { customer }, { customerId: fx.a.code });
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo?.[0]).toMatchObject({
        code: 'SYSTEM_JOB_REQUIRED',
        params: { tenant: fx.a.code },
      });
    }
    expect(await fingerprint(fx.a.customerId)).toEqual(aBefore);
    expect(await fingerprint(fx.b.customerId)).toEqual(bBefore);
  });

  it.skipIf(skip !== undefined)(
    'refuses while a conso is locked, naming it and its holder; nothing is marked',
    async () => {
      expect(await lockConso(db.consoDb.db, { consoId: fx.b.consoId, login: 'carol' })).toBe(true);
      const bBefore = await fingerprint(fx.b.customerId);
      const record = await harness.run(DELETE_CUSTOMER_JOB_TYPE, { customer: fx.b.code });
      expect(record.errorInfo?.[0]).toMatchObject({
        code: 'CONSO_LOCKED',
        params: { conso: fx.b.consoCode, lockedBy: 'carol' },
      });
      expect(await fingerprint(fx.b.customerId)).toEqual(bBefore);
      expect((await customerRow(fx.b.customerId))?.deleting_at).toBeNull();
    },
  );

  it.skipIf(skip !== undefined)(
    "a worker killed mid-delete locks the customer's jobs out; a rerun finishes it",
    async () => {
      const plan = customerDeletionPlan(fx.b.customerId);
      const before = await rowsLeft(db.consoDb.db, plan);
      const aBefore = await fingerprint(fx.a.customerId);
      const crash = await crashDeletionMidway(db, 'customer', fx.b.customerId, 6);
      expect(crash.signal, crash.output).toBe('SIGKILL');
      const left = await rowsLeft(db.consoDb.db, plan);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(before);

      const refused = await harness.run(
        INTEGRATION_JOB_TYPE,
        { consos: [fx.b.consoCode] },
        { customerId: fx.b.code },
      );
      expect(refused.errorInfo?.[0]).toMatchObject({
        code: 'CUSTOMER_BEING_DELETED',
        params: { customer: fx.b.code },
      });
      const aRun = await harness.run(
        INTEGRATION_JOB_TYPE,
        { consos: [fx.a.consoCode] },
        { customerId: fx.a.code },
      );
      expect(aRun.state).toBe(JobState.Succeeded);
      const aAfterRun = await fingerprint(fx.a.customerId);

      const record = await harness.run(DELETE_CUSTOMER_JOB_TYPE, { customer: fx.b.customerId });
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      expect(record.result?.result).toMatchObject({ resumed: true });
      expect(record.result?.warnings?.[0]?.key).toBe('conso.warning.deletionResumed');
      expect(await rowsLeft(db.consoDb.db, plan)).toBe(0);
      expect(await tablesOwnedByB()).toEqual([]);
      expect(await fingerprint(fx.a.customerId)).toEqual(aAfterRun);
      expect(Object.keys(aBefore)).toEqual(Object.keys(aAfterRun));
    },
    180_000,
  );
});
