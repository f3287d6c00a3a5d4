import type { MessageParam } from '@hangar/core';

/** What is wrong with one cell or row of an import file. */
export type RowProblem =
  | 'required'
  | 'unknownCode'
  | 'notNumeric'
  | 'outOfRange'
  | 'invalidValue'
  | 'invalidDate'
  | 'duplicateKey'
  | 'unbalanced'
  | 'summaryAccount'
  | 'outOfScope'
  | 'inconsistent'
  | 'cycle'
  | 'fieldCount'
  | 'unnamedColumn'
  | 'errorCell'
  | 'repeatedColumn';

/** One error of an import file, located by its row (as the user sees it) and column. */
export interface RowError {
  /** 1-based row number in the file or sheet (the header is row 1). */
  row: number;
  /** Column name as in the file header (or the JSON path of a group file). */
  column: string;
  problem: RowProblem;
  /** The offending value, as read. */
  value?: MessageParam;
  /** Sheet of a workbook, when the file has several. */
  sheet?: string;
  /** Extra message parameters (the kind of code, the allowed range, the first row of a duplicate...). */
  params?: Readonly<Record<string, MessageParam>>;
}

/** Stable error codes of each row problem, for API callers that do not read messages. */
export const ROW_PROBLEM_CODES: Readonly<Record<RowProblem, string>> = {
  required: 'IMPORT_VALUE_REQUIRED',
  unknownCode: 'IMPORT_UNKNOWN_CODE',
  notNumeric: 'IMPORT_NOT_NUMERIC',
  outOfRange: 'IMPORT_OUT_OF_RANGE',
  invalidValue: 'IMPORT_INVALID_VALUE',
  invalidDate: 'IMPORT_INVALID_DATE',
  duplicateKey: 'IMPORT_DUPLICATE_KEY',
  unbalanced: 'IMPORT_UNBALANCED',
  summaryAccount: 'IMPORT_SUMMARY_ACCOUNT',
  outOfScope: 'IMPORT_OUT_OF_SCOPE',
  inconsistent: 'IMPORT_INCONSISTENT',
  cycle: 'IMPORT_HIERARCHY_CYCLE',
  fieldCount: 'IMPORT_FIELD_COUNT',
  unnamedColumn: 'IMPORT_UNNAMED_COLUMN',
  errorCell: 'IMPORT_ERROR_CELL',
  repeatedColumn: 'IMPORT_REPEATED_COLUMN',
};
