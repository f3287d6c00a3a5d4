import type { RawBuilder } from 'kysely';
import type { ApplyTarget, TargetColumn } from '../apply/apply-target.js';
import type { ApplyCounts } from '../apply/write-staged-rows.js';
import type { CsvOptions } from '../read/csv-options.js';
import type { TableFormat } from '../read/open-source.js';
import type { RowFields } from '../read/row-fields.js';
import type { RawCsvTable } from '../stage/raw-csv-copy.js';
import type { StagingColumn, StagingTable, StagingValue } from '../stage/staging-table.js';
import type { ImportSession } from './import-session.js';

/** File parameters of a one-table import. */
export interface ImportFileOptions {
  file: string;
  format?: TableFormat | undefined;
  csv: CsvOptions;
  mode: 'replace' | 'merge';
  maxErrors: number;
}

/**
 * Set-based validation and staging of a CSV file that PostgreSQL's COPY loaded as text (see
 * `importThroughCopy`). Its verdict on each row must be `parse`'s: rows it marks invalid are read
 * back and given to `parse`, which reports their errors.
 */
export interface CopyStagingSpec {
  /**
   * SELECT over the raw table yielding `row_no`, the staging columns in order, then `invalid`: true
   * exactly when `parse` would reject the row.
   */
  select(raw: RawCsvTable): RawBuilder<unknown>;
  /** File-wide checks of the valid staged rows (balances...), reporting to the session's errors. */
  afterStage?(session: ImportSession, staging: StagingTable): Promise<void>;
}

/** How one table of a file is imported. */
export interface TableImportSpec {
  /** Sheet to read in a workbook; the first sheet when absent or not found under this name. */
  sheet?: string;
  /** Columns the header must have. */
  required: readonly string[];
  /** Base name of the staging table. */
  stagingName: string;
  /** Staging columns. */
  staging: readonly StagingColumn[];
  /** Validates one row; returns the staging values, or undefined when the row is invalid. */
  parse(fields: RowFields): readonly StagingValue[] | undefined;
  /** Validation in SQL for CSV files PostgreSQL can COPY; without it every file streams through `parse`. */
  copy?: CopyStagingSpec;
  /** Key that must be unique in the file, and the column to blame a duplicate on. */
  unique?: { columns: readonly TargetColumn[]; column: string };
  /** Checks after the whole file is read (balances...), reporting to the session's errors. */
  afterRead?(session: ImportSession): void | Promise<void>;
  /** Where the rows go (written by `writeStagedRows`)... */
  target?: ApplyTarget;
  /** ...or how they are written, for targets that need more than one table. */
  write?(session: ImportSession, staging: StagingTable): Promise<ApplyCounts>;
}
