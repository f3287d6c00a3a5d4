import { randomBytes } from 'node:crypto';
import { type ConsoDb, openConsoDb, parseConsoDbUrl } from '@hangar/conso-db';
import { sql } from 'kysely';

/** A database opened for one command run, and how to let go of it. */
export interface CommandDb {
  /** The open database. */
  readonly consoDb: ConsoDb;
  /** Closes it; drops the temporary schema first when one was made. */
  dispose(): Promise<void>;
}

/**
 * Opens the database of `--db`. With `fresh`, a PostgreSQL URL gets a new random schema that
 * `dispose` drops (unless `keep`), so each run starts from an empty database; SQLite in memory is
 * fresh by nature, and a SQLite file is used as given.
 */
export async function openCommandDb(url: string, fresh: boolean, keep = false): Promise<CommandDb> {
  const parsed = parseConsoDbUrl(url);
  if (!fresh || parsed.dialect !== 'postgres') {
    const consoDb = await openConsoDb(url);
    return { consoDb, dispose: () => consoDb.close() };
  }
  const schema = `conso_eval_${randomBytes(6).toString('hex')}`;
  const consoDb = await openConsoDb(url, { schema, poolSize: 4 });
  return {
    consoDb,
    async dispose() {
      try {
        if (!keep) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db);
      } finally {
        await consoDb.close();
      }
    },
  };
}
