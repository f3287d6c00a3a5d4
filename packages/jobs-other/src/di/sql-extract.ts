import { once } from 'node:events';
import { openConsoDb } from '@hangar/conso-db';
import { TenantMismatchError } from '@hangar/core';
import type { FileOwner, FileStore, StoredFile } from '@hangar/jobs-importexport';
import { sql } from 'kysely';
import { JobParamError } from '../errors/job-param-error.js';
import type { DiStudioOptions } from '../plugin/di-studio-options.js';
import { csvLine } from './csv-line.js';

/** A single read-only statement: one SELECT (or WITH … SELECT), no statement separator inside. */
const SINGLE_SELECT = /^\s*(select|with)\b[^;]*;?\s*$/is;

/** Checks a SQL source before anything runs: a configured connection the customer may use, one SELECT. */
export function checkSqlSource(
  options: DiStudioOptions,
  source: { connection: string; query: string },
  customer: string | undefined,
): string {
  const connection = options.connections[source.connection];
  if (connection === undefined) {
    const known = Object.keys(options.connections).join(', ') || 'none';
    throw new JobParamError(
      'source.connection',
      `no connection "${source.connection}" (configured: ${known})`,
    );
  }
  if (
    customer !== undefined &&
    connection.customers !== undefined &&
    !connection.customers.includes(customer)
  ) {
    throw new TenantMismatchError('source.connection', source.connection, customer);
  }
  if (!SINGLE_SELECT.test(source.query)) {
    throw new JobParamError('source.query', 'must be one SELECT statement');
  }
  return connection.url;
}

/**
 * Runs the query in a read-only transaction (PostgreSQL `SET TRANSACTION READ ONLY`, SQLite
 * `query_only`) on its own connection, and writes the rows as a CSV file (header: the columns).
 */
export async function extractSql(
  url: string,
  query: string,
  store: FileStore,
  name: string,
  signal: AbortSignal,
  owner: FileOwner,
): Promise<StoredFile> {
  const connection = await openConsoDb(url, { poolSize: 1 });
  const sink = await store.create(name, 'text/csv', owner);
  try {
    const rows = await connection.db.transaction().execute(async (trx) => {
      if (connection.dialect === 'postgres') await sql`set transaction read only`.execute(trx);
      if (connection.dialect === 'sqlite') await sql`pragma query_only = 1`.execute(trx);
      try {
        return (await sql.raw(query.trim().replace(/;$/, '')).execute(trx)).rows as Record<string, unknown>[];
      } catch (error) {
        throw new JobParamError('source.query', error instanceof Error ? error.message : String(error));
      } finally {
        if (connection.dialect === 'sqlite') await sql`pragma query_only = 0`.execute(trx);
      }
    });
    signal.throwIfAborted();
    const header = rows[0] === undefined ? [] : Object.keys(rows[0]);
    const write = async (line: string) => {
      if (!sink.stream.write(line)) await once(sink.stream, 'drain');
    };
    await write(csvLine(header));
    for (const row of rows) await write(csvLine(header.map((column) => row[column])));
    return await sink.close();
  } catch (error) {
    await sink.discard().catch(() => undefined);
    throw error;
  } finally {
    await connection.close();
  }
}
