import type { ConsoDatabase } from '@hangar/conso-db';
import { RecordingDialect } from '@hangar/conso-db/testing';
import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  mssqlBackup,
  mssqlBackupStatement,
  mssqlDatabaseOf,
  mssqlRestore,
  mssqlRestoreStatement,
  mssqlVerifyStatement,
} from './mssql-backup.js';

const URL = 'mssql://sa:secret@db.example:1433/Conso]Prod?encrypt=false';

function recording() {
  const recorder = new RecordingDialect('mssql');
  return { recorder, db: new Kysely<ConsoDatabase>({ dialect: recorder }) };
}

describe('SQL Server BACKUP / RESTORE DATABASE', () => {
  it('compiles a checksummed full backup with the path as a parameter and the name quoted (double quotes: QUOTED_IDENTIFIER is on for tedious)', () => {
    const { db } = recording();
    const query = mssqlBackupStatement('Conso]Prod', 'D:\\backups\\nightly.bak').compile(db);
    expect(query.sql).toBe(
      'backup database "Conso]Prod" to disk = @1 with format, init, checksum, name = @2',
    );
    expect(query.parameters).toEqual(['D:\\backups\\nightly.bak', 'hangar Conso]Prod']);
  });

  it('verifies on the server, then restores from master in single-user mode, given back on failure too', () => {
    const { db } = recording();
    expect(mssqlVerifyStatement('D:\\b.bak').compile(db).sql).toBe(
      'restore verifyonly from disk = @1 with checksum',
    );
    const restore = mssqlRestoreStatement('Conso', 'D:\\b.bak').compile(db);
    expect(restore.sql).toBe(`use master;
alter database "Conso" set single_user with rollback immediate;
begin try
  restore database "Conso" from disk = @1 with replace, checksum;
  alter database "Conso" set multi_user;
end try
begin catch
  alter database "Conso" set multi_user;
  throw;
end catch`);
    expect(restore.parameters).toEqual(['D:\\b.bak']);
  });

  it('sends the backup, and the verification before the restore, for the database the URL names', async () => {
    const { recorder, db } = recording();
    await mssqlBackup(db, 'mssql://sa:x@h/Conso', 'D:\\a.bak', 'a');
    await mssqlRestore(db, 'mssql://sa:x@h/Conso', 'D:\\a.bak', 'a');
    expect(recorder.queries.map((q) => q.sql.split(' ').slice(0, 2).join(' '))).toEqual([
      'backup database',
      'restore verifyonly',
      'use master;\nalter',
    ]);
  });

  it('refuses a URL that names no SQL Server database, naming databaseUrl', () => {
    expect(() => mssqlDatabaseOf('postgres://h/db', 'nightly')).toThrow(
      expect.objectContaining({
        code: 'BACKUP_INVALID',
        params: expect.objectContaining({ param: 'databaseUrl' }),
      }),
    );
    expect(mssqlDatabaseOf(URL.replace('Conso]Prod', 'Conso'), 'n')).toBe('Conso');
  });
});
