/** A cell as read: text from CSV, text or number from XLSX, null when empty. */
export type CellValue = string | number | null;

/** One data row of a file, with cells keyed by normalised header name. */
export interface SourceRow {
  /** 1-based row number as the user sees it in the file or sheet (the header is row 1 of a CSV). */
  readonly row: number;
  /** Cells by normalised column name. */
  readonly cells: Readonly<Record<string, CellValue>>;
  /** Set when the row's fields do not line up with the header: the row is reported, never imported. */
  readonly misfit?: RowMisfit;
}

/**
 * How a row fails to line up with its header. Its cells cannot be trusted (an unquoted `1,234.50`
 * splits into two fields and shifts nothing but the amount), so the row is an error, not a guess.
 */
export interface RowMisfit {
  /**
   * `fieldCount`: a CSV row has more or fewer fields than the header; `unnamedColumn`: a value
   * stands in a column the header does not name (a blank header cell, or beyond the last one);
   * `errorCell`: a sheet's cell holds an error value (`#DIV/0!`, `#N/A`), which is no value.
   */
  readonly problem: 'fieldCount' | 'unnamedColumn' | 'errorCell';
  /** Where the row departs from the header: a header name, or a position (`#7`, or `G` in a sheet). */
  readonly column: string;
  /** The first value beyond the header (null when fields are missing). */
  readonly value: CellValue;
  /** Fields of the header. */
  readonly expected: number;
  /** Fields of the row. */
  readonly actual: number;
}

/** One table of a file: a CSV file, or one sheet of a workbook. */
export interface SourceSheet {
  /** Sheet name; the file name for CSV. */
  readonly name: string;
  /** Normalised header names, in file order. */
  readonly header: readonly string[];
  /** Data rows, streamed. Must be consumed (or abandoned) before the next sheet is read. */
  readonly rows: AsyncIterable<SourceRow>;
}

/** Header names are compared trimmed, lower-case, with spaces and dashes as `_`. */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
