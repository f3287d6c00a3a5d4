import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConsoDb, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { sql } from 'kysely';

/** PostgreSQL the tests use: `HANGAR_PG_URL`, else a local `test` database. */
export const PG_URL = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated, empty test database and how to dispose of it. */
export interface TestDb {
  readonly kind: 'sqlite' | 'postgres';
  readonly consoDb: ConsoDb;
  /** Temporary directory of the test (SQLite file, file store...). */
  readonly dir: string;
  /** Closes the database and removes its file or schema and the directory. */
  cleanup(): Promise<void>;
}

/** A backend the tests can run on, or why they cannot. */
export interface TestBackend {
  readonly kind: 'sqlite' | 'postgres';
  /** Why the backend is skipped; undefined when usable. */
  readonly skipReason: string | undefined;
}

async function postgresProblem(): Promise<string | undefined> {
  try {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.query('select 1');
    await client.end();
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${(error as Error).message})`;
  }
}

/**
 * SQLite always, PostgreSQL when reachable. An unreachable PostgreSQL is skipped with a printed
 * reason, except under `CI=true`, where it fails the test file: CI must exercise both.
 */
export async function testBackends(): Promise<TestBackend[]> {
  const problem = await postgresProblem();
  if (problem !== undefined) {
    if (process.env.CI === 'true') throw new Error(`${problem}; CI requires PostgreSQL`);
    console.log(`skipping PostgreSQL tests: ${problem}`);
  }
  return [
    { kind: 'sqlite', skipReason: undefined },
    { kind: 'postgres', skipReason: problem },
  ];
}

/** Opens a fresh migrated database: a temporary SQLite file, or a random PostgreSQL schema. */
export async function openTestDb(kind: 'sqlite' | 'postgres'): Promise<TestDb> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-ie-'));
  if (kind === 'sqlite') {
    const consoDb = await openConsoDb(`sqlite:${join(dir, 'conso.db')}`);
    await migrateToLatest(consoDb.db);
    return {
      kind,
      consoDb,
      dir,
      async cleanup() {
        await consoDb.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // Each test file works in its own schema, so files running in parallel never see each other.
  const schema = `ie_test_${randomBytes(6).toString('hex')}`;
  const consoDb = await openConsoDb(PG_URL, { schema, poolSize: 4 });
  await migrateToLatest(consoDb.db);
  return {
    kind,
    consoDb,
    dir,
    async cleanup() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db);
      await consoDb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
