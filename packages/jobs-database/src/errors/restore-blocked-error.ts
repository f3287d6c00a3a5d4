import { ConsoError } from './conso-error.js';

/** Jobs are running on the database: a restore would replace data under them. Names them. */
export class RestoreBlockedError extends ConsoError {
  constructor(jobs: readonly string[]) {
    super(
      'RESTORE_BLOCKED',
      'conso.error.restoreBlocked',
      `A restore must wait until no job runs; running: ${jobs.join(', ')}`,
      { jobs: jobs.join(', '), count: jobs.length },
    );
  }
}
