import { type ErrorInfo, errorInfoFromError } from '@hangar/core';
import { ConsoError } from './conso-error.js';

/** A custom procedure reported errors in its `@errorinfo`; `errorInfo` holds its entries. */
export class CustomProcedureFailedError extends ConsoError {
  /** This error's own entry, then the procedure's entries: the job's ErrorInfo. */
  readonly errorInfo: ErrorInfo;

  constructor(procedure: string, errorInfo: ErrorInfo) {
    super(
      'CUSTOM_PROCEDURE_FAILED',
      'conso.error.customProcedureFailed',
      `Procedure ${procedure} reported ${errorInfo.length} error(s)${errorInfo[0] ? `: ${errorInfo[0].code}` : ''}`,
      { procedure, errors: errorInfo.length },
    );
    this.errorInfo = [
      errorInfoFromError(this, procedure),
      ...errorInfo.map((e) => ({ ...e, source: e.source ?? procedure })),
    ];
  }
}
