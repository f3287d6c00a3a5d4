import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConsoDatabase, type ConsoDb, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { loadTwoTenantFixture, type TwoTenantFixture } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { type Kysely, sql } from 'kysely';
import type { DeletionStep } from '../deletion/deletion-plan.js';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { type JobHarness, startJobHarness } from './job-harness.js';
import { openTestDb, TEST_PG_URL, type TestBackend } from './test-db.js';

/** A migrated database another process can open too: a SQLite file, or a PostgreSQL schema. */
export interface SharedTestDb {
  readonly consoDb: ConsoDb;
  /** URL and schema a child process opens it with. */
  readonly url: string;
  readonly schema: string | undefined;
  /** Opens a second, independent connection (pool) to the same database. */
  openAnother(): Promise<ConsoDb>;
  dispose(): Promise<void>;
}

/** Opens a database shared with child processes and second connections. */
export async function openSharedTestDb(backend: TestBackend): Promise<SharedTestDb> {
  if (backend === 'postgres') {
    const test = await openTestDb('postgres');
    return {
      consoDb: test.consoDb,
      url: TEST_PG_URL,
      schema: test.schema,
      openAnother: () => openConsoDb(TEST_PG_URL, { schema: test.schema ?? 'public', poolSize: 2 }),
      dispose: () => test.dispose(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'hangar-deletion-'));
  const url = join(dir, 'conso.db');
  const consoDb = await openConsoDb(url);
  await migrateToLatest(consoDb.db);
  return {
    consoDb,
    url,
    schema: undefined,
    openAnother: () => openConsoDb(url),
    async dispose() {
      await consoDb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const CHILD = fileURLToPath(new URL('./deletion-crash-child.ts', import.meta.url));

/**
 * Runs a deletion in a child process that kills itself with SIGKILL inside its `killAt`-th
 * non-empty batch (two rows per batch); resolves with the signal that ended it.
 */
export function crashDeletionMidway(
  db: SharedTestDb,
  kind: 'conso' | 'customer',
  id: number,
  killAt: number,
): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const args = ['--import', 'tsx', CHILD, db.url, db.schema ?? '-', kind, String(id), String(killAt)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      const signal = (error as { signal?: NodeJS.Signals } | null)?.signal ?? null;
      resolve({ signal, output: `${stdout}${stderr}` });
    });
  });
}

/** Rows a plan would still remove or update: zero once the deletion is complete. */
export async function rowsLeft(db: Kysely<ConsoDatabase>, steps: readonly DeletionStep[]): Promise<number> {
  let left = 0;
  for (const step of steps) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(step.table)} where ${step.where}`.execute(db);
    left += Number(rows[0]?.n ?? 0);
  }
  return left;
}

/** Customers ALPHA and BRAVO on a shared database, a runner of the pack, and consolidated data. */
export interface TwoTenantSetup {
  readonly db: SharedTestDb;
  readonly fx: TwoTenantFixture;
  readonly harness: JobHarness;
  dispose(): Promise<void>;
}

/** Loads the two-tenant fixture and runs the integration for the customers listed in `consolidate`. */
export async function openTwoTenantSetup(
  backend: TestBackend,
  consolidate: readonly ('a' | 'b')[],
): Promise<TwoTenantSetup> {
  const db = await openSharedTestDb(backend);
  const fx = await loadTwoTenantFixture(db.consoDb.db);
  const harness = await startJobHarness(createConsoJobsPlugin(), db.consoDb);
  for (const side of consolidate) {
    const tenant = fx[side];
    const run = await harness.run(
      INTEGRATION_JOB_TYPE,
      { consos: [tenant.consoCode] },
      { customerId: tenant.code },
    );
    if (run.state !== JobState.Succeeded)
      throw new Error(`fixture integration failed: ${JSON.stringify(run.errorInfo)}`);
  }
  return {
    db,
    fx,
    harness,
    async dispose() {
      await harness.stop();
      await db.dispose();
    },
  };
}
