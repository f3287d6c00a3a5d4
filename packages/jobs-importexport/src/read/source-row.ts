/** A cell as read: text from CSV, text or number from XLSX, null when empty. */
export type CellValue = string | number | null;

/** One data row of a file, with cells keyed by normalised header name. */
export interface SourceRow {
  /** 1-based row number as the user sees it in the file or sheet (the header is row 1 of a CSV). */
  readonly row: number;
  /** Cells by normalised column name; a column missing from a short row is absent. */
  readonly cells: Readonly<Record<string, CellValue>>;
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
