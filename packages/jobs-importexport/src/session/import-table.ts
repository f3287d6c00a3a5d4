import { type JobContext, type ServiceResolver, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { ApplyTarget, TargetColumn } from '../apply/apply-target.js';
import { findDuplicates } from '../apply/find-duplicates.js';
import { type ApplyCounts, writeStagedRows } from '../apply/write-staged-rows.js';
import { ImportFileError } from '../errors/import-file-error.js';
import { numberFormatOf } from '../params/common-params.js';
import type { CsvOptions } from '../read/csv-options.js';
import { openSource, type TableFormat } from '../read/open-source.js';
import { requireColumns } from '../read/require-columns.js';
import type { RowFields } from '../read/row-fields.js';
import type { SourceSheet } from '../read/source-row.js';
import type { StagingColumn, StagingTable, StagingValue } from '../stage/staging-table.js';
import type { ImportResult } from './import-result.js';
import { type ImportSession, runImport } from './import-session.js';
import { consoDbOf, fileStoreOf } from './job-services.js';

/** File parameters of a one-table import. */
export interface ImportFileOptions {
  file: string;
  format?: TableFormat | undefined;
  csv: CsvOptions;
  mode: 'replace' | 'merge';
  maxErrors: number;
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
  /** Key that must be unique in the file, and the column to blame a duplicate on. */
  unique?: { columns: readonly TargetColumn[]; column: string };
  /** Checks after the whole file is read (balances...), reporting to the session's errors. */
  afterRead?(session: ImportSession): void | Promise<void>;
  /** Where the rows go (written by `writeStagedRows`)... */
  target?: ApplyTarget;
  /** ...or how they are written, for targets that need more than one table. */
  write?(session: ImportSession, staging: StagingTable): Promise<ApplyCounts>;
}

/** Picks the sheet to import: the first one, or the one named `wanted` (earlier sheets are skipped unread). */
export async function pickSheet(
  sheets: AsyncGenerator<SourceSheet>,
  file: string,
  wanted?: string,
): Promise<SourceSheet> {
  for await (const sheet of sheets) {
    if (wanted === undefined || sheet.name.toLowerCase() === wanted.toLowerCase()) return sheet;
  }
  throw new ImportFileError(
    file,
    'missingSheet',
    wanted === undefined ? 'the file has no table' : `no sheet named "${wanted}"`,
  );
}

/**
 * Imports one table: streams and validates every row into a staging table, checks duplicates and
 * file-wide rules, then writes the target with set-based statements, all in one transaction.
 */
export async function importTable(
  services: ServiceResolver,
  ctx: JobContext,
  options: ImportFileOptions,
  spec: TableImportSpec,
): Promise<ImportResult> {
  const consoDb = consoDbOf(services);
  const source = await openSource(fileStoreOf(services), options.file, {
    format: options.format,
    csv: options.csv,
    signal: ctx.signal,
  });
  try {
    const sessionOptions = {
      file: source.name,
      totalBytes: source.size,
      bytesRead: source.bytesRead,
      maxErrors: options.maxErrors,
      numbers: numberFormatOf(options.csv),
    };
    const counts = await runImport(consoDb, ctx, sessionOptions, async (session) => {
      const sheet = await pickSheet(source.sheets, source.name, spec.sheet);
      requireColumns(source.name, sheet, spec.required);
      const sheetName = source.format === 'xlsx' ? sheet.name : undefined;
      const staging = await session.stage(spec.stagingName, spec.staging);
      await session.consume(sheet.rows, async (row) => {
        const values = spec.parse(session.fields(row, sheetName));
        if (values) await session.put(staging, row.row, values);
      });
      await staging.finish();
      if (spec.unique && !session.errors.hasErrors)
        await reportDuplicates(session, staging, spec.unique, sheetName);
      await spec.afterRead?.(session);
      session.errors.throwIfAny();
      const written = spec.write
        ? await spec.write(session, staging)
        : await writeStagedRows(
            session.trx as Kysely<unknown>,
            staging,
            requireTarget(spec.target),
            options.mode,
          );
      return { written, read: session.progress.read };
    });
    return finishImport(ctx, source.name, counts.written, counts.read);
  } finally {
    source.close();
  }
}

/** Reports every row that repeats a key of an earlier row. */
export async function reportDuplicates(
  session: ImportSession,
  staging: StagingTable,
  unique: { columns: readonly TargetColumn[]; column: string },
  sheet?: string,
): Promise<void> {
  const duplicates = await findDuplicates(
    session.trx as Kysely<unknown>,
    session.dialect,
    staging,
    unique.columns,
    session.errors.maxErrors,
  );
  for (const duplicate of duplicates) {
    session.errors.add({
      row: duplicate.row,
      column: unique.column,
      problem: 'duplicateKey',
      params: { firstRow: duplicate.firstRow },
      ...(sheet === undefined ? {} : { sheet }),
    });
  }
}

/** Logs the final counts and builds the job result. */
export function finishImport(
  ctx: JobContext,
  file: string,
  counts: ApplyCounts,
  rowsRead: number,
): ImportResult {
  const rowsWritten = counts.inserted + counts.updated;
  ctx.progress(
    t('importexport.progress.imported', {
      file,
      read: rowsRead,
      written: rowsWritten,
      deleted: counts.deleted,
    }),
    {
      current: rowsRead,
      total: rowsRead,
    },
  );
  return { file, rowsRead, rowsWritten, ...counts };
}

function requireTarget(target: ApplyTarget | undefined): ApplyTarget {
  if (!target) throw new TypeError('a table import needs a target or a write function');
  return target;
}
