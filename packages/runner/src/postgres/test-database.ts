import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Database the PostgreSQL tests run against; `HANGAR_PG_URL` overrides it. */
export const TEST_PG_URL = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why the PostgreSQL tests cannot run here, or undefined when the database answers. */
export async function postgresSkipReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  // A refused connection also emits 'error' on the client; the rejected connect() reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL is not reachable at ${TEST_PG_URL} (set HANGAR_PG_URL): ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name, so every test gets its own tables and NOTIFY channel. */
export function randomSchema(): string {
  return `hangar_t_${randomBytes(6).toString('hex')}`;
}

/** Runs one statement on a short-lived connection (outside any queue's pool). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
