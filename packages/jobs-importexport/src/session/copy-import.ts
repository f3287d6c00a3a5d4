import type { Readable } from 'node:stream';
import type { JobContext, ServiceResolver } from '@hangar/core';
import { type Kysely, sql } from 'kysely';
import { ImportFileError } from '../errors/import-file-error.js';
import { numberFormatOf } from '../params/common-params.js';
import { cellsOf } from '../read/csv-sheet-reader.js';
import { formatOf, sourceName } from '../read/open-source.js';
import { requireColumns } from '../read/require-columns.js';
import { copyCsvDialect } from '../stage/copy-csv-dialect.js';
import type { InsertSelectStaging } from '../stage/insert-select-staging.js';
import { CopyPathUnavailable, copyRawCsv, type RawCsvTable } from '../stage/raw-csv-copy.js';
import { ROW_NO, type StagingColumn } from '../stage/staging-table.js';
import type { ImportResult } from './import-result.js';
import { type ImportSession, runImport } from './import-session.js';
import { consoDbOf, fileStoreOf } from './job-services.js';
import { checkAndWrite, finishImport } from './staged-table-write.js';
import type { CopyStagingSpec, ImportFileOptions, TableImportSpec } from './table-import-spec.js';

/** Staging column the COPY path's SELECT fills with the row's verdict. */
const INVALID: StagingColumn = { name: 'invalid', type: 'flag' };

/**
 * The COPY path of a table import: the CSV file's bytes go unparsed into a raw text table
 * (`copyRawCsv`), the spec's SQL validates every row and maps codes to ids into the staging table in
 * one statement, and the rows it rejects, at most `maxErrors`, are read back and given to `parse`,
 * which reports them exactly as the streaming path would. Node never parses the valid rows.
 *
 * Returns undefined when the file must stream instead: no `copy` spec, not PostgreSQL, not CSV, a
 * layout COPY cannot read, or a file COPY would read differently from csv-parse (found while it
 * loads; that attempt rolls back and the streaming path starts over, so nothing is lost but time).
 */
export async function importThroughCopy(
  services: ServiceResolver,
  ctx: JobContext,
  options: ImportFileOptions,
  spec: TableImportSpec,
): Promise<ImportResult | undefined> {
  const consoDb = consoDbOf(services);
  const copy = spec.copy;
  if (!copy || consoDb.dialect !== 'postgres' || formatOf(options.file, options.format) !== 'csv')
    return undefined;
  const dialect = copyCsvDialect(options.csv);
  if (!dialect) return undefined;
  const name = sourceName(options.file);
  const store = fileStoreOf(services);
  let size: number;
  let input: Readable;
  try {
    size = await store.size(options.file);
    input = await store.openRead(options.file, ctx.signal);
  } catch (error) {
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  }
  let bytesRead = 0;
  const sessionOptions = {
    file: name,
    totalBytes: size,
    bytesRead: () => bytesRead,
    maxErrors: options.maxErrors,
    numbers: numberFormatOf(options.csv),
  };
  try {
    const counts = await runImport(consoDb, ctx, sessionOptions, async (session) => {
      session.phases.path = 'copy';
      try {
        const raw = await session.phases.time('read', () =>
          copyRawCsv(
            session.trx as Kysely<unknown>,
            chunksOf(input, name),
            options.csv,
            dialect,
            (bytes, lines) => {
              bytesRead = bytes;
              session.progress.read = Math.max(0, lines - 1);
              session.progress.written = session.progress.read;
              ctx.checkpoint();
              session.progress.report();
            },
          ).catch((error: unknown) => {
            // A file stream destroyed by the job's signal fails with AbortError: report the cancellation.
            if (ctx.signal.aborted) ctx.checkpoint();
            throw error;
          }),
        );
        session.progress.read = raw.rows;
        session.progress.written = raw.rows;
        session.progress.report(true);
        requireColumns(name, { name, header: raw.header }, spec.required);
        const staging = await session.phases.time('validate', () => stageRaw(session, raw, spec, copy));
        if (!session.errors.hasErrors && copy.afterStage) {
          const afterStage = copy.afterStage.bind(copy);
          await session.phases.time('checks', () => afterStage(session, staging));
        }
        ctx.checkpoint();
        const written = await checkAndWrite(session, staging, spec, options.mode);
        return { written, read: raw.rows };
      } catch (error) {
        if (error instanceof CopyPathUnavailable) session.phases.fallback = error.reason;
        throw error;
      }
    });
    return finishImport(ctx, name, counts.written, counts.read);
  } catch (error) {
    if (error instanceof CopyPathUnavailable) return undefined;
    throw error;
  } finally {
    input.destroy();
  }
}

/** Validates and stages the raw rows with the spec's SQL, then reports the rows it rejected. */
async function stageRaw(
  session: ImportSession,
  raw: RawCsvTable,
  spec: TableImportSpec,
  copy: CopyStagingSpec,
): Promise<InsertSelectStaging> {
  const trx = session.trx as Kysely<unknown>;
  const staging = await session.stageInDatabase(spec.stagingName, [...spec.staging, INVALID]);
  // Code lookups are hash joins of a million rows against small arrays; without statistics on the
  // raw table the planner may loop over it once per code instead.
  await sql`set local enable_nestloop = off`.execute(trx);
  try {
    await staging.fill(copy.select(raw));
  } catch (error) {
    // A data exception (a value the cast refused...): the streaming path reports the row.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) throw new CopyPathUnavailable('rejectedBySql');
    throw error;
  }
  await sql`reset enable_nestloop`.execute(trx);
  await reportInvalidRows(session, raw, staging, spec);
  return staging;
}

/**
 * Reads back the rows the SQL rejected, in file order and no more than can be reported, and has
 * `parse` report them: the messages, columns and values are the streaming path's own. A row `parse`
 * accepts would mean the SQL disagrees with it; the file then streams.
 */
async function reportInvalidRows(
  session: ImportSession,
  raw: RawCsvTable,
  staging: InsertSelectStaging,
  spec: TableImportSpec,
): Promise<void> {
  const trx = session.trx as Kysely<unknown>;
  const rowNo = sql.ref(ROW_NO);
  const flagged = await sql<{
    row_no: number;
  }>`select ${rowNo} from ${sql.table(staging.name)} where ${sql.ref(INVALID.name)} order by ${rowNo} limit ${session.errors.maxErrors}`.execute(
    trx,
  );
  if (flagged.rows.length === 0) return;
  const ids = flagged.rows.map((row) => Number(row.row_no));
  const cells = raw.columns.map((column) => sql.ref(column.name));
  const rows = await sql<
    Record<string, string | null>
  >`select ${rowNo}, ${sql.join(cells)} from ${sql.table(raw.name)} where ${rowNo} = any(${ids}::int[]) order by ${rowNo}`.execute(
    trx,
  );
  for (const row of rows.rows) {
    const record = raw.columns.map((column) => row[column.name] ?? null);
    const fields = session.fields({ row: Number(row[ROW_NO]), cells: cellsOf(raw.header, record) });
    if (spec.parse(fields) !== undefined) throw new CopyPathUnavailable('verdictMismatch');
  }
}

/** The file's chunks; a read failure is the file's problem (cancellation passes through as is). */
async function* chunksOf(input: Readable, file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of input) yield chunk as Buffer;
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(file, 'unreadable', (error as Error).message, error);
  }
}
