import { type ConsoDatabase, parseConsoDbUrl } from '@hangar/conso-db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';

/**
 * `BACKUP DATABASE` of the whole database into `path`, a full backup in a fresh media set
 * (`FORMAT, INIT`), each page checked and the backup checksummed (`CHECKSUM`). The path is the
 * server's: the backup directory must be one the server writes and the runner reads.
 */
export function mssqlBackupStatement(database: string, path: string): RawBuilder<unknown> {
  return sql`backup database ${sql.id(database)} to disk = ${path} with format, init, checksum, name = ${`hangar ${database}`}`;
}

/** `RESTORE VERIFYONLY … WITH CHECKSUM`: the server reads the whole backup and checks it, changing nothing. */
export function mssqlVerifyStatement(path: string): RawBuilder<unknown> {
  return sql`restore verifyonly from disk = ${path} with checksum`;
}

/**
 * `RESTORE DATABASE … WITH REPLACE, CHECKSUM`, run from `master` with the database in single-user
 * mode (other sessions are rolled back and disconnected: a restore needs the database to itself),
 * which is given back to every user whether the restore succeeded or failed.
 */
export function mssqlRestoreStatement(database: string, path: string): RawBuilder<unknown> {
  const db = sql.id(database);
  return sql`use master;
alter database ${db} set single_user with rollback immediate;
begin try
  restore database ${db} from disk = ${path} with replace, checksum;
  alter database ${db} set multi_user;
end try
begin catch
  alter database ${db} set multi_user;
  throw;
end catch`;
}

/** The database an mssql:// URL names, or `BACKUP_INVALID` naming `databaseUrl`. */
export function mssqlDatabaseOf(url: string, backup: string): string {
  const parsed = parseConsoDbUrl(url);
  if (parsed.dialect !== 'mssql' || parsed.connection.database === undefined)
    throw new BackupInvalidError('databaseUrl', backup, 'not an mssql:// URL naming its database');
  return parsed.connection.database;
}

/** Backs the database up into `path` (on the server's disk). */
export async function mssqlBackup(
  db: Kysely<ConsoDatabase>,
  url: string,
  path: string,
  name: string,
): Promise<void> {
  await mssqlBackupStatement(mssqlDatabaseOf(url, name), path).execute(db);
}

/**
 * Verifies the backup on the server, then restores it. The pool's other connections to the database
 * are closed by the server during the restore; the host reopens the database afterwards.
 */
export async function mssqlRestore(
  db: Kysely<ConsoDatabase>,
  url: string,
  path: string,
  name: string,
): Promise<void> {
  const database = mssqlDatabaseOf(url, name);
  await mssqlVerifyStatement(path).execute(db);
  await mssqlRestoreStatement(database, path).execute(db);
}
