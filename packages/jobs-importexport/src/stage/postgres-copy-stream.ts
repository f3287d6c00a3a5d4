import type { Writable } from 'node:stream';
import { CompiledQuery, type Kysely } from 'kysely';
import copyStreams from 'pg-copy-streams';

/**
 * Starts `COPY ... FROM STDIN` on the connection kysely holds for the current transaction and
 * returns the stream to write rows to.
 *
 * kysely does not expose the underlying `pg` client, and the COPY must run on the transaction's own
 * connection (its temporary table and its rollback). kysely's PostgreSQL connection passes
 * `compiledQuery.sql` straight to `client.query()`, and `pg` runs any object with a `submit`
 * method as a custom query, so the pg-copy-streams query object travels in place of the SQL text.
 */
export async function startPostgresCopy(trx: Kysely<unknown>, copySql: string): Promise<Writable> {
  const stream = copyStreams.from(copySql);
  const query = { ...CompiledQuery.raw(copySql), sql: stream as unknown as string };
  await trx.executeQuery(query);
  if (typeof (stream as Partial<Writable>).write !== 'function') {
    throw new Error('PostgreSQL COPY could not start on this connection');
  }
  return stream;
}
