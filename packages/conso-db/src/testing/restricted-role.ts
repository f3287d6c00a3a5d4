import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';

/** A connection as a role PostgreSQL enforces row-level security on, and how to remove it. */
export interface RestrictedRole {
  readonly consoDb: ConsoDb;
  /** Closes the connection and drops the role. */
  drop(): Promise<void>;
}

/**
 * Opens `schema` of `url` as a new login role that neither owns the tables nor is a superuser,
 * granted what jobs need (DML on every table, the sequences): the role an operator runs jobs as
 * to have PostgreSQL enforce the row-level security policies, for tests and benchmarks.
 */
export async function openAsRestrictedRole(
  owner: ConsoDb,
  url: string,
  schema: string,
): Promise<RestrictedRole> {
  const role = `hangar_rls_${randomBytes(5).toString('hex')}`;
  await sql`create role ${sql.id(role)} login nosuperuser`.execute(owner.db);
  await sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`.execute(owner.db);
  await sql`grant select, insert, update, delete on all tables in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(
    owner.db,
  );
  await sql`grant usage on all sequences in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(owner.db);
  const asRole = new URL(url);
  asRole.username = role;
  asRole.password = '';
  const consoDb = await openConsoDb(asRole.toString(), { schema, poolSize: 2 });
  return {
    consoDb,
    async drop() {
      await consoDb.close();
      await sql`drop owned by ${sql.id(role)}`.execute(owner.db).catch(() => undefined);
      await sql`drop role if exists ${sql.id(role)}`.execute(owner.db);
    },
  };
}
