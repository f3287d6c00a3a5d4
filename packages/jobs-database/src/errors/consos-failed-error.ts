import type { ErrorInfo } from '@hangar/core';
import { ConsoError } from './conso-error.js';

/** One or more consos of a run failed; `errorInfo` has one entry per failure, in conso order. */
export class ConsosFailedError extends ConsoError {
  /** Entries of every failed conso. */
  readonly errorInfo: ErrorInfo;

  constructor(failed: readonly string[], total: number, errorInfo: ErrorInfo) {
    super(
      'CONSOS_FAILED',
      'conso.error.consosFailed',
      `${failed.length} of ${total} consos failed: ${failed.join(', ')}`,
      { failed: failed.join(', '), count: failed.length, total },
    );
    this.errorInfo = errorInfo;
  }
}
