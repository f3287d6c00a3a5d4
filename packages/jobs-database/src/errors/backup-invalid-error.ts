import { ConsoError } from './conso-error.js';

/** The backup named is missing, unreadable, or fails its checksum; names the param and the problem. */
export class BackupInvalidError extends ConsoError {
  constructor(param: string, backup: string, problem: string) {
    super(
      'BACKUP_INVALID',
      'conso.error.backupInvalid',
      `Parameter "${param}": backup ${backup} cannot be restored: ${problem}`,
      { param, backup, problem },
    );
  }
}
