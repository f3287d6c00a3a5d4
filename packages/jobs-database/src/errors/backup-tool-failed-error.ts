import { ConsoError } from './conso-error.js';

/** pg_dump or pg_restore exited with an error; carries its exit code and the end of its output. */
export class BackupToolFailedError extends ConsoError {
  constructor(tool: string, exitCode: number | null, output: string) {
    super(
      'BACKUP_TOOL_FAILED',
      'conso.error.backupToolFailed',
      `${tool} failed (exit ${exitCode}): ${output}`,
      {
        tool,
        exitCode: exitCode ?? -1,
        output,
      },
    );
  }
}
