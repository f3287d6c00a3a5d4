import { randomBytes } from 'node:crypto';
import { type ConsoDb, consoDbToken, openConsoDb } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { createConsoJobsPlugin, INTEGRATION_JOB_TYPE, STEP_FLAGS } from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';

/**
 * A connection to the bench schema as a role that neither owns the tables nor is a superuser,
 * so PostgreSQL enforces the row-level security policies on it (as an operator would run jobs).
 */
export async function openRestrictedRole(
  owner: ConsoDb,
  url: string,
  schema: string,
): Promise<{ consoDb: ConsoDb; drop(): Promise<void> }> {
  const role = `bench_rls_${randomBytes(4).toString('hex')}`;
  await sql`create role ${sql.id(role)} login nosuperuser`.execute(owner.db);
  await sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`.execute(owner.db);
  await sql`grant select, insert, update, delete on all tables in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(
    owner.db,
  );
  await sql`grant usage on all sequences in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(owner.db);
  const asRole = new URL(url);
  asRole.username = role;
  asRole.password = '';
  const consoDb = await openConsoDb(asRole.toString(), { schema, poolSize: 4 });
  return {
    consoDb,
    async drop() {
      await consoDb.close();
      await sql`drop owned by ${sql.id(role)}`.execute(owner.db).catch(() => undefined);
      await sql`drop role if exists ${sql.id(role)}`.execute(owner.db);
    },
  };
}

/** Runs every step of the conso as a job of `tenant` on its own runner over `consoDb`; rows written. */
export async function runAllStepsAsTenant(
  consoDb: ConsoDb,
  tenant: string,
  consoId: number,
): Promise<number> {
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [createConsoJobsPlugin({ lockWaitMs: 0 })],
    services: [{ token: consoDbToken, value: consoDb }],
    concurrency: 1,
    pollIntervalMs: 20,
    leaseMs: 600_000,
  });
  await runner.start();
  try {
    const { id } = await runner.client.enqueue(
      INTEGRATION_JOB_TYPE,
      { consos: [consoId], steps: STEP_FLAGS.all },
      { customerId: tenant },
    );
    const record = await runner.client.waitFor(id, { pollMs: 50 });
    if (record.state !== JobState.Succeeded) {
      throw new Error(`${INTEGRATION_JOB_TYPE} ended ${record.state}: ${JSON.stringify(record.errorInfo)}`);
    }
    const consos = (record.result?.result as { consos?: { steps?: Record<string, { written?: number }> }[] })
      ?.consos;
    return (consos ?? [])
      .flatMap((c) => Object.values(c.steps ?? {}))
      .reduce((n, s) => n + (s.written ?? 0), 0);
  } finally {
    await runner.stop();
    await queue.close();
  }
}
