import { HangarError } from '@hangar/core';

/** A statement of a SQL script failed; says which one, where it starts and what was kept. */
export class SqlStatementError extends HangarError {
  constructor(statement: number, line: number, committed: number, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      'UTILS_SQL_FAILED',
      'utils.error.sqlFailed',
      `Statement ${statement} (line ${line}) failed: ${detail}; ${committed} statements committed`,
      { params: { statement, line, committed, detail }, retryable: false, cause },
    );
  }
}
