/** Column types of a staging table. */
export type StagingType = 'integer' | 'text' | 'amount' | 'flag';

/** One column of a staging table. */
export interface StagingColumn {
  /** Column name (a plain identifier). */
  readonly name: string;
  readonly type: StagingType;
}

/** A value bound for a staging column. */
export type StagingValue = string | number | null;

/**
 * A temporary table one import streams its validated rows into, inside the import's transaction.
 * Every staging table also has `row_no`, the file row, so set-based checks can name rows.
 */
export interface StagingTable {
  /** SQL name of the temporary table. */
  readonly name: string;
  /** Its columns, `row_no` excluded. */
  readonly columns: readonly StagingColumn[];
  /** Adds one row (values in column order); buffers and flushes in batches. */
  append(rowNo: number, values: readonly StagingValue[]): Promise<void>;
  /** Flushes what is buffered; returns the number of rows staged. No further append. */
  finish(): Promise<number>;
  /** Stops an unfinished load so the transaction can roll back (PostgreSQL must end its COPY first). */
  abort(reason: unknown): Promise<void>;
}

/** Name of the file-row column every staging table has. */
export const ROW_NO = 'row_no';
