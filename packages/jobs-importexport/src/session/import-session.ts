import { performance } from 'node:perf_hooks';
import type { JobContext } from '@hangar/core';
import { type Kysely, sql } from 'kysely';
import type { ConsoDatabase, ConsoDb, ConsoDialect } from '../db/conso-db.js';
import { ImportPhases } from '../phases/import-phases.js';
import type { NumberFormat } from '../read/number-format.js';
import { RowFields } from '../read/row-fields.js';
import type { RowMisfit, SourceRow } from '../read/source-row.js';
import { createStaging } from '../stage/create-staging.js';
import { InsertSelectStaging } from '../stage/insert-select-staging.js';
import { createStagingTableDdl, dropStagingTable, stagingTableName } from '../stage/staging-ddl.js';
import type { StagingColumn, StagingTable, StagingValue } from '../stage/staging-table.js';
import { RowErrorCollector, RowErrorLimitReached } from '../validate/row-error-collector.js';
import { ImportProgress } from './import-progress.js';
import { cancelStatementsOnAbort } from './statement-canceller.js';

/** PostgreSQL `work_mem` of an import transaction. */
export const IMPORT_WORK_MEM = '64MB';

/** Rows between two cancellation checks. */
const CHECK_EVERY_ROWS = 256;

/** What an import session needs to know about its file. */
export interface ImportSessionOptions {
  /** File name for messages. */
  file: string;
  /** Size in bytes. */
  totalBytes: number;
  /** Bytes read so far. */
  bytesRead: () => number;
  /** Errors collected before reading stops. */
  maxErrors: number;
  /** How numbers are written in the file. */
  numbers: NumberFormat;
}

/**
 * One import, inside one transaction: staging tables, row errors, progress and cancellation. Rows
 * are validated and staged while the file streams; nothing touches the target tables until the
 * whole file is read without error, and then only through set-based statements.
 */
export class ImportSession {
  /** Row errors of the file. */
  readonly errors: RowErrorCollector;
  /** Progress counters. */
  readonly progress: ImportProgress;
  /** Time spent in each phase. */
  readonly phases: ImportPhases;
  private readonly stagings: StagingTable[] = [];

  constructor(
    /** The import's transaction. */
    readonly trx: Kysely<ConsoDatabase>,
    /** Its dialect. */
    readonly dialect: ConsoDialect,
    /** The running job. */
    readonly ctx: JobContext,
    private readonly options: ImportSessionOptions,
  ) {
    this.errors = new RowErrorCollector(options.file, options.maxErrors);
    this.progress = new ImportProgress(ctx, options.file, options.totalBytes, options.bytesRead);
    this.phases = new ImportPhases(ctx.log);
  }

  /** File name for messages. */
  get file(): string {
    return this.options.file;
  }

  /** Creates a staging table in the transaction. */
  async stage(base: string, columns: readonly StagingColumn[]): Promise<StagingTable> {
    const staging = await createStaging(this.trx as Kysely<unknown>, this.dialect, base, columns);
    this.stagings.push(staging);
    return staging;
  }

  /** Creates a staging table in the transaction that SQL fills from another table (the COPY path). */
  async stageInDatabase(base: string, columns: readonly StagingColumn[]): Promise<InsertSelectStaging> {
    const name = stagingTableName(this.dialect, base);
    await createStagingTableDdl(this.trx as Kysely<unknown>, this.dialect, name, columns);
    const staging = new InsertSelectStaging(this.trx as Kysely<unknown>, name, columns);
    this.stagings.push(staging);
    return staging;
  }

  /** Typed access to a row's cells, reporting bad cells to this session's errors. */
  fields(row: SourceRow, sheet?: string): RowFields {
    return new RowFields(row, this.errors, this.options.numbers, sheet);
  }

  /**
   * Reads every row through `handle`, checking for cancellation and reporting progress. Once the
   * file has an error, rows are still validated (to report them all) but no longer staged. A row
   * whose fields do not line up with the header is reported here and never reaches `handle`.
   */
  async consume(
    rows: AsyncIterable<SourceRow>,
    handle: (row: SourceRow) => void | Promise<void>,
    sheet?: string,
  ): Promise<void> {
    try {
      for await (const row of rows) {
        this.progress.read += 1;
        if (this.progress.read % CHECK_EVERY_ROWS === 0) {
          this.ctx.checkpoint();
          this.progress.report();
        }
        if (row.misfit) this.reportMisfit(row.row, row.misfit, sheet);
        else await handle(row);
      }
    } catch (error) {
      // A read stream destroyed by the job's signal fails with AbortError: report it as the cancellation.
      if (this.ctx.signal.aborted) this.ctx.checkpoint();
      throw error;
    }
    this.ctx.checkpoint();
    this.progress.report(true);
  }

  /** Reports a row whose fields do not line up with the header, with both field counts. */
  private reportMisfit(row: number, misfit: RowMisfit, sheet: string | undefined): void {
    this.errors.add({
      row,
      column: misfit.column,
      problem: misfit.problem,
      value: misfit.value,
      params: { expected: misfit.expected, actual: misfit.actual },
      ...(sheet === undefined ? {} : { sheet }),
    });
  }

  /** Stages a valid row, unless the file already has errors (then nothing will be written anyway). */
  async put(staging: StagingTable, rowNo: number, values: readonly StagingValue[]): Promise<void> {
    if (this.errors.hasErrors) return;
    await staging.append(rowNo, values);
    this.progress.written += 1;
  }

  /** Drops the staging tables (normal end). */
  async dropStaging(): Promise<void> {
    for (const staging of this.stagings.splice(0)) {
      await staging.finish();
      await dropStagingTable(this.trx as Kysely<unknown>, staging.name);
    }
  }

  /** Ends unfinished loads so the transaction can roll back. */
  async abortStaging(reason: unknown): Promise<void> {
    for (const staging of this.stagings.splice(0)) await staging.abort(reason);
  }
}

/**
 * Runs `body` as one import in one transaction on `consoDb`. Any error rolls everything back; a
 * file with row errors fails with an `ImportValidationError` carrying all of them.
 */
export async function runImport<T>(
  consoDb: ConsoDb,
  ctx: JobContext,
  options: ImportSessionOptions,
  body: (session: ImportSession) => Promise<T>,
): Promise<T> {
  let session: ImportSession | undefined;
  let bodyEnd = 0;
  try {
    const result = await consoDb.db.transaction().execute(async (trx) => {
      if (consoDb.dialect === 'postgres') {
        // The set-based checks and writes group and hash whole files; with the default 4 MB they
        // sort on disk instead. Transaction-scoped, so the pooled connection gets its default back.
        await sql`set local work_mem = ${sql.lit(IMPORT_WORK_MEM)}`.execute(trx);
      }
      session = new ImportSession(trx, consoDb.dialect, ctx, options);
      const stopCancelling =
        consoDb.dialect === 'postgres'
          ? await cancelStatementsOnAbort(consoDb.db, trx, ctx.signal)
          : undefined;
      try {
        const result = await body(session);
        session.errors.throwIfAny();
        await session.dropStaging();
        // A cancellation that came during the last statement must not commit.
        ctx.checkpoint();
        bodyEnd = performance.now();
        return result;
      } catch (error) {
        await session.abortStaging(error);
        // A statement cancelled for the job's signal fails with SQLSTATE 57014: report the cancellation.
        if (ctx.signal.aborted) ctx.checkpoint();
        throw error;
      } finally {
        stopCancelling?.();
      }
    });
    session?.phases.add('commit', performance.now() - bodyEnd);
    return result;
  } catch (error) {
    if (error instanceof RowErrorLimitReached && session) throw session.errors.toError();
    throw error;
  } finally {
    session?.phases.report();
  }
}
