import { type ErrorInfo, type ErrorInfoEntry, HangarError } from '@hangar/core';

/**
 * A stored procedure reported errors through its `errorinfo` output, or its call failed. The
 * runner copies `errorInfo` onto the job: a summary entry, then the procedure's own entries.
 */
export class StoredProcedureError extends HangarError {
  readonly errorInfo: ErrorInfo;

  constructor(procedure: string, entries: readonly ErrorInfoEntry[], detail: string) {
    super('UTILS_PROCEDURE_FAILED', 'utils.error.procedureFailed', `${procedure} failed: ${detail}`, {
      params: { procedure, detail, count: entries.length },
      retryable: false,
    });
    const summary: ErrorInfoEntry = {
      code: this.code,
      key: this.key,
      params: { ...this.params },
      severity: 'error',
      source: procedure,
    };
    this.errorInfo = [summary, ...entries];
  }
}
