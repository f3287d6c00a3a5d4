import { randomBytes } from 'node:crypto';
import { type ConsoDb, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { sql } from 'kysely';

/** PostgreSQL of the tests: `HANGAR_PG_URL`, else the local `test` database. */
export const TEST_PG_URL = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Backends the tests run on. */
export type TestBackend = 'sqlite' | 'postgres';

/** A fresh migrated database and how to drop it. */
export interface TestDb {
  /** The open database. */
  readonly consoDb: ConsoDb;
  /** Its backend. */
  readonly backend: TestBackend;
  /** The PostgreSQL schema, when on PostgreSQL. */
  readonly schema: string | undefined;
  /** Drops the schema (PostgreSQL) and closes the database. */
  dispose(): Promise<void>;
}

/**
 * Why PostgreSQL tests are skipped, or undefined when it is reachable. Unreachable under
 * `CI=true` throws instead, because a CI run that silently skips proves nothing.
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: failing instead of skipping)`);
    console.warn(`[jobs-database] skipping PostgreSQL tests: ${reason}`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Opens a fresh migrated database: SQLite in memory, or a random PostgreSQL schema. */
export async function openTestDb(backend: TestBackend, poolSize = 4): Promise<TestDb> {
  if (backend === 'sqlite') {
    const consoDb = await openConsoDb('sqlite::memory:');
    await migrateToLatest(consoDb.db);
    return { consoDb, backend, schema: undefined, dispose: () => consoDb.close() };
  }
  const schema = `jobsdb_test_${randomBytes(6).toString('hex')}`;
  const consoDb = await openConsoDb(TEST_PG_URL, { schema, poolSize });
  await migrateToLatest(consoDb.db);
  return {
    consoDb,
    backend,
    schema,
    async dispose() {
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db);
      } finally {
        await consoDb.close();
      }
    },
  };
}

/** Both backends with the reason PostgreSQL is skipped (undefined when it runs), for `describe.each`. */
export async function backendsWithSkip(): Promise<[TestBackend, string | undefined][]> {
  return [
    ['sqlite', undefined],
    ['postgres', await postgresSkipReason()],
  ];
}
