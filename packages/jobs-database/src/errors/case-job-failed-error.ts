import type { ErrorInfo, JobRecord } from '@hangar/core';

/** A job of the case ended other than Succeeded. */
export class CaseJobFailedError extends Error {
  /** The job's final record. */
  readonly record: JobRecord;

  constructor(record: JobRecord) {
    const info: ErrorInfo = record.errorInfo ?? record.result?.errorInfo ?? [];
    super(
      `Job ${record.type} ended ${record.state}${info.length > 0 ? `: ${info.map((e) => e.code).join(', ')}` : ''}`,
    );
    this.record = record;
  }
}
