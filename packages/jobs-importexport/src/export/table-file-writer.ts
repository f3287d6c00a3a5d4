import type { StoredFile } from '../files/file-store.js';
import type { CellValue } from '../read/source-row.js';

/** Rows of one table being written. */
export interface SheetWriter {
  /** Appends one row (numbers stay numbers in XLSX, and are formatted for CSV). */
  row(values: readonly CellValue[]): Promise<void>;
  /** Ends the table. */
  end(): Promise<void>;
}

/** An export file being written table by table, streamed to the file store. */
export interface TableFileWriter {
  /** Starts a table with its header; a CSV file holds exactly one. */
  sheet(name: string, header: readonly string[]): Promise<SheetWriter>;
  /** Finishes the file and returns it as stored. */
  close(): Promise<StoredFile>;
  /** Abandons the file. */
  discard(): Promise<void>;
}
