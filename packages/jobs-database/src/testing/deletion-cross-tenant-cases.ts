import { type ConsoDatabase, loadTinyDemoGroup } from '@hangar/conso-db';
import {
  type CrossTenantCase,
  type CrossTenantCaseSetup,
  customerParamNamesB,
  tenantDataFingerprint,
} from '@hangar/conso-db/testing';
import type { JobRecord } from '@hangar/core';
import type { Kysely } from 'kysely';
import { COPY_CONSO_JOB_TYPE } from '../jobs/copy-conso-job.js';

/** What a deletion case made before the job ran, and A's data as it was before that. */
interface Throwaway {
  readonly code: string;
  readonly id: number;
  readonly aBefore: Record<string, string>;
}

/** A's fingerprint without its modification log, which the copy and the deletion both write to. */
async function dataOf(db: Kysely<ConsoDatabase>, customerId: number): Promise<Record<string, string>> {
  const { modification_log: _, ...rest } = await tenantDataFingerprint(db, customerId);
  return rest;
}

/**
 * A throwaway conso, copied from the fixture's conso, under the same code in A and in B: A's
 * deletion must remove A's copy, and only it, while B's copy of the same code stays.
 */
async function throwawayConso(setup: CrossTenantCaseSetup, code: string): Promise<Throwaway> {
  const aBefore = await dataOf(setup.db, setup.a.customerId);
  for (const side of [setup.a, setup.b]) {
    const copy = await setup.host.run(COPY_CONSO_JOB_TYPE, { conso: side.consoCode, code }, side.code);
    if (copy.state !== 'Succeeded')
      throw new Error(`copy for ${side.code} failed: ${JSON.stringify(copy.errorInfo)}`);
  }
  const row = await setup.db
    .selectFrom('consos')
    .select('id')
    .where('customer_id', '=', setup.a.customerId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { code, id: row.id, aBefore };
}

/** A throwaway customer with the fixture's codes (HOLD, FR1…), for the system's customer deletion. */
async function throwawayCustomer(setup: CrossTenantCaseSetup, code: string): Promise<Throwaway> {
  const aBefore = await tenantDataFingerprint(setup.db, setup.a.customerId);
  const demo = await loadTinyDemoGroup(setup.db, { customerCode: code, customerName: `${code} group` });
  return { code, id: demo.customerId, aBefore };
}

/** The job succeeded, its target is gone, and A's other data is as before. */
function removedOnly(table: 'consos' | 'customers', full: boolean) {
  return async (setup: CrossTenantCaseSetup, record: JobRecord, prepared: unknown): Promise<string[]> => {
    const made = prepared as Throwaway;
    const problems: string[] = [];
    if (record.state !== 'Succeeded') problems.push(`expected Succeeded, got ${record.state}`);
    const left = await setup.db.selectFrom(table).select('id').where('id', '=', made.id).execute();
    if (left.length > 0) problems.push(`${table} ${made.code} (#${made.id}) is still there`);
    const after = full
      ? await tenantDataFingerprint(setup.db, setup.a.customerId)
      : await dataOf(setup.db, setup.a.customerId);
    for (const [name, print] of Object.entries(made.aBefore)) {
      if (after[name] !== print) problems.push(`A's ${name} changed: ${print} -> ${after[name]}`);
    }
    return problems;
  };
}

/**
 * Cases of the two deletion jobs. The suite shares one fixture, so the confined runs delete what
 * their `prepare` made (a conso both customers have under one code; a third customer with the same
 * company codes), and check that exactly that went while B, and the rest of A, stayed as they were.
 */
export const deletionCrossTenantCases: {
  readonly conso: readonly CrossTenantCase[];
  readonly customer: readonly CrossTenantCase[];
} = {
  conso: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, conso: b.consoCode }) },
    {
      name: "a conso named by B's id",
      params: ({ b }) => ({ conso: b.consoId }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "a code both customers use deletes A's conso only",
      prepare: (setup) => throwawayConso(setup, 'DELETE-BY-CODE'),
      params: (_ctx, prepared) => ({ conso: (prepared as Throwaway).code, batchSize: 7 }),
      expect: 'confined',
      verify: removedOnly('consos', false),
    },
    {
      name: "A's own conso by id, B holding the same code",
      prepare: (setup) => throwawayConso(setup, 'DELETE-BY-ID'),
      params: ({ a }, prepared) => ({ customer: a.code, conso: (prepared as Throwaway).id }),
      expect: 'confined',
      verify: removedOnly('consos', false),
    },
  ],
  customer: [
    {
      name: 'B named by code: only a system job may delete a customer',
      params: ({ b }) => ({ customer: b.code }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
    {
      name: 'B named by id',
      params: ({ b }) => ({ customer: b.customerId }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
    {
      name: 'the system deletes a third customer with the same codes: A and B stay whole',
      asSystem: true,
      prepare: (setup) => throwawayCustomer(setup, 'DOOMED'),
      params: (_ctx, prepared) => ({ customer: (prepared as Throwaway).code, batchSize: 5 }),
      expect: 'confined',
      verify: removedOnly('customers', true),
    },
  ],
};
