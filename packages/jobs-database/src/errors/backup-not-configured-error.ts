import { ConsoError } from './conso-error.js';

/** A backup or restore ran on a host that gave the plugin no `backup` settings (directory, URL). */
export class BackupNotConfiguredError extends ConsoError {
  constructor() {
    super(
      'BACKUP_NOT_CONFIGURED',
      'conso.error.backupNotConfigured',
      'Backups are not configured: give the plugin its backup directory and database URL',
    );
  }
}
