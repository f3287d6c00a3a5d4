import { type ErrorInfo, type ErrorInfoEntry, HangarError } from '@hangar/core';

/**
 * Thrown when an import file has invalid rows. Nothing was written. `errorInfo` lists a summary
 * entry followed by one entry per bad row and column; the runner copies it onto the failed job.
 */
export class ImportValidationError extends HangarError {
  /** Summary entry first, then every row error in file order. */
  readonly errorInfo: ErrorInfo;

  constructor(file: string, rowErrors: readonly ErrorInfoEntry[], truncated: boolean) {
    const count = rowErrors.length;
    super(
      'IMPORT_VALIDATION_FAILED',
      truncated ? 'importexport.error.validationTruncated' : 'importexport.error.validation',
      `Import of ${file} failed: ${count} invalid row${count === 1 ? '' : 's'}${truncated ? ' (stopped at the error limit)' : ''}; nothing was written`,
      { params: { file, count }, retryable: false },
    );
    const summary: ErrorInfoEntry = {
      code: this.code,
      key: this.key,
      params: { file, count },
      severity: 'error',
      source: file,
    };
    this.errorInfo = [summary, ...rowErrors];
  }
}
