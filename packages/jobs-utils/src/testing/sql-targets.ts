// Databases of this package's own SQL tests (not exported).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConsoDb, openConsoDb } from '@hangar/conso-db';
import { sql } from 'kysely';

/** PostgreSQL of the tests: `HANGAR_PG_URL`, else the local `test` database. */
export const TEST_PG_URL = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A scratch database a SQL job can reach by URL, with its tables under `prefix`. */
export interface SqlTarget {
  readonly kind: 'sqlite' | 'postgres';
  readonly url: string;
  /** `schema.` on PostgreSQL (each test file its own schema), empty on SQLite. */
  readonly prefix: string;
  /** The test's own connection, to look at what the job did. */
  readonly conso: ConsoDb;
  /** Rows of a query, for assertions. */
  rows<T>(query: string): Promise<T[]>;
  cleanup(): Promise<void>;
}

/** Opens a temporary SQLite file, or a fresh schema in the test PostgreSQL. */
export async function openSqlTarget(kind: 'sqlite' | 'postgres'): Promise<SqlTarget> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'hangar-utils-sql-'));
    const url = `sqlite:${join(dir, 'scratch.db')}`;
    const conso = await openConsoDb(url);
    return target(kind, url, '', conso, async () => {
      await conso.close();
      await rm(dir, { recursive: true, force: true });
    });
  }
  const schema = `utils_test_${randomBytes(6).toString('hex')}`;
  const conso = await openConsoDb(TEST_PG_URL, { poolSize: 3 });
  await sql`create schema ${sql.id(schema)}`.execute(conso.db);
  return target(kind, TEST_PG_URL, `${schema}.`, conso, async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(conso.db);
    await conso.close();
  });
}

function target(
  kind: SqlTarget['kind'],
  url: string,
  prefix: string,
  conso: ConsoDb,
  cleanup: () => Promise<void>,
): SqlTarget {
  return {
    kind,
    url,
    prefix,
    conso,
    rows: async <T>(query: string) => (await sql.raw<T>(query).execute(conso.db)).rows,
    cleanup,
  };
}
