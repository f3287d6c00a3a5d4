import type { ErrorInfoEntry, MessageParam } from '@hangar/core';
import { ImportValidationError } from '../errors/import-validation-error.js';
import { ROW_PROBLEM_CODES, type RowError } from './row-error.js';

/** Thrown inside an import once `maxErrors` errors were collected, to stop reading at once. */
export class RowErrorLimitReached extends Error {
  constructor() {
    super('row error limit reached');
  }
}

/**
 * Collects the row errors of one import. Reading goes on after an error so the user sees every
 * problem of the file in one run, up to `maxErrors`; then `add` throws {@link RowErrorLimitReached}.
 */
export class RowErrorCollector {
  private readonly entries: ErrorInfoEntry[] = [];
  private limitReached = false;

  constructor(
    /** File name shown in messages. */
    readonly file: string,
    /** Errors collected before reading stops. */
    readonly maxErrors: number,
  ) {}

  /** Number of errors so far. */
  get count(): number {
    return this.entries.length;
  }

  /** Whether any error was collected. */
  get hasErrors(): boolean {
    return this.entries.length > 0;
  }

  /** Records one error; throws {@link RowErrorLimitReached} when it is the `maxErrors`-th. */
  add(error: RowError): void {
    if (this.limitReached) throw new RowErrorLimitReached();
    const params: Record<string, MessageParam> = {
      file: this.file,
      row: error.row,
      column: error.column,
      value: error.value ?? null,
      ...(error.sheet === undefined ? {} : { sheet: error.sheet }),
      ...error.params,
    };
    const where = error.sheet === undefined ? this.file : `${this.file}[${error.sheet}]`;
    this.entries.push({
      code: ROW_PROBLEM_CODES[error.problem],
      key: `importexport.row.${error.problem}`,
      params,
      severity: 'error',
      source: `${where}:${error.row}:${error.column}`,
    });
    if (this.entries.length >= this.maxErrors) {
      this.limitReached = true;
      throw new RowErrorLimitReached();
    }
  }

  /** Throws the job's {@link ImportValidationError} when there are errors. */
  throwIfAny(): void {
    if (this.entries.length > 0) throw this.toError();
  }

  /** The error to fail the job with. */
  toError(): ImportValidationError {
    return new ImportValidationError(this.file, [...this.entries], this.limitReached);
  }
}
