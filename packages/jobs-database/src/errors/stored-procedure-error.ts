import type { ErrorInfo } from '@hangar/core';
import { ConsoError } from './conso-error.js';

/**
 * A configured stored procedure reported errors through its `@errorinfo` output. `errorInfo` holds
 * the parsed entries; the runner reports them as the job's ErrorInfo.
 */
export class StoredProcedureError extends ConsoError {
  /** The entries the procedure returned. */
  readonly errorInfo: ErrorInfo;

  constructor(procedure: string, conso: string, errorInfo: ErrorInfo) {
    const first = errorInfo[0];
    super(
      'STORED_PROCEDURE_FAILED',
      'conso.error.storedProcedure',
      `Stored procedure ${procedure} reported ${errorInfo.length} error(s) for conso ${conso}${first ? `: ${first.code}` : ''}`,
      { procedure, conso, errors: errorInfo.length },
    );
    this.errorInfo = errorInfo;
  }
}
