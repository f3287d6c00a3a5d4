import { randomBytes } from 'node:crypto';
import { maskUrlPassword } from '../dialects/conso-db-url.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';

/** Default PostgreSQL of the test setup; `HANGAR_PG_URL` overrides it. */
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Either a reachable PostgreSQL URL or why its tests are skipped. */
export type PostgresTestTarget =
  | { url: string; skipReason?: undefined }
  | { url?: undefined; skipReason: string };

/**
 * Probes the test PostgreSQL once. Unreachable: prints the reason and returns it so the file can
 * skip; under `CI=true` throws instead, because a CI run that silently skips proves nothing.
 */
export async function postgresTestTarget(): Promise<PostgresTestTarget> {
  const url = process.env.HANGAR_PG_URL ?? DEFAULT_TEST_PG_URL;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { url };
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${maskUrlPassword(url)}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true, so failing instead of skipping)`);
    console.warn(`[conso-db] skipping PostgreSQL tests: ${reason}`);
    return { skipReason: reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database in its own fresh schema, and how to drop it. */
export interface IsolatedDb {
  handle: ConsoDb;
  /** Drops the schema (PostgreSQL) and closes the pool. */
  dispose(): Promise<void>;
}

/** Opens `url` in a new random schema so test files never see each other's tables. */
export async function openIsolatedPostgres(url: string): Promise<IsolatedDb> {
  const schema = `conso_test_${randomBytes(6).toString('hex')}`;
  const handle = await openConsoDb(url, { schema, poolSize: 4 });
  return {
    handle,
    dispose: async () => {
      try {
        await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await handle.close();
      }
    },
  };
}
