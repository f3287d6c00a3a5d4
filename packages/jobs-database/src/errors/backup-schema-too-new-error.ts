import { ConsoError } from './conso-error.js';

/** The backup was taken by a newer version: its schema has migrations this code does not know. */
export class BackupSchemaTooNewError extends ConsoError {
  constructor(backup: string, backupVersion: string, codeVersion: string) {
    super(
      'BACKUP_SCHEMA_TOO_NEW',
      'conso.error.backupSchemaTooNew',
      `Backup ${backup} has schema ${backupVersion}, newer than this code's ${codeVersion}`,
      { backup, backupVersion, codeVersion },
    );
  }
}
