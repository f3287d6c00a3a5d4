import type { JobRecord } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../../schema/conso-database.js';
import type { TwoTenantFixture } from './two-tenant-fixture.js';

/** What a case may use to build its params: the fixture, and files put where the jobs read them. */
export interface CrossTenantContext extends TwoTenantFixture {
  /** Writes a file where the jobs read their `file` param (as customer A's upload); returns that param. */
  writeFile(name: string, content: string | Buffer): Promise<string>;
}

/**
 * How a job run as customer A with these params must end:
 * - `{ refused: code }`: Failed with that error code (`TENANT_MISMATCH`, `TENANT_SHARED_WRITE`…);
 * - `'confined'`: however it ends, it read and wrote A's data only (the same codes exist in B).
 * In both cases B's data must be unchanged and no output file may hold B's marker.
 */
export type CrossTenantExpectation = { readonly refused: string } | 'confined';

/** What a case's `prepare` and `verify` may use besides the fixture: the database and the host. */
export interface CrossTenantCaseSetup extends CrossTenantContext {
  readonly db: Kysely<ConsoDatabase>;
  readonly host: CrossTenantHost;
}

/** One attempt of customer A's job at customer B's data. */
export interface CrossTenantCase {
  /** What the params try, e.g. `customer param names B`. */
  readonly name: string;
  /** The params, built from the fixture (and what `prepare` returned). */
  params(ctx: CrossTenantContext, prepared?: unknown): unknown | Promise<unknown>;
  readonly expect: CrossTenantExpectation;
  /**
   * Run as a system job instead of as customer A, for a job only the system may run (deleting a
   * customer), aimed at what `prepare` made. @defaultValue false
   */
  readonly asSystem?: boolean;
  /**
   * Makes what the case may destroy, on the suite's shared database, before B's data is
   * fingerprinted: a throwaway conso, a throwaway customer. A destructive job then runs confined
   * without taking the fixture from the cases that follow. Its result reaches `params` and `verify`.
   */
  prepare?(setup: CrossTenantCaseSetup): Promise<unknown>;
  /**
   * Checks what the job should have done on A's side (a deletion removed its target and nothing
   * else), so a confined case that did nothing fails too; returns the problems found.
   */
  verify?(setup: CrossTenantCaseSetup, record: JobRecord, prepared: unknown): Promise<string[]>;
}

/** The cases of every job type of a pack, keyed by job type. */
export type CrossTenantCases = Readonly<Record<string, readonly CrossTenantCase[]>>;

/** What the suite needs of a runner hosting the packs. */
export interface CrossTenantHost {
  /** Every job type the host's registry holds. */
  readonly types: readonly string[];
  /** Enqueues a job for `customerId` (undefined: a system job) and waits for its end. */
  run(type: string, params: unknown, customerId: string | undefined): Promise<JobRecord>;
  /** The text of the job's output files, for the leak check. */
  outputText(record: JobRecord): Promise<string>;
}

/** The usual refusals: the `customer` param names B. */
export const customerParamNamesB: CrossTenantCase = {
  name: "the customer param names B's code",
  params: ({ b }) => ({ customer: b.code }),
  expect: { refused: 'TENANT_MISMATCH' },
};
