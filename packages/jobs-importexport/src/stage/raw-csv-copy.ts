import { PostgresCopyInput } from '@hangar/conso-db/postgres-copy';
import { parse as parseSync } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import type { CsvOptions } from '../read/csv-options.js';
import { csvParserOptions } from '../read/csv-sheet-reader.js';
import { normalizeHeader, repeatedColumns } from '../read/source-row.js';
import type { CopyCsvDialect } from './copy-csv-dialect.js';
import { type ColumnShape, CsvShapeScanner } from './csv-shape-scanner.js';
import { stagingTableName } from './staging-ddl.js';
import { ROW_NO } from './staging-table.js';

/** A column of a {@link RawCsvTable}: its SQL name and what the scan learnt about its values. */
export interface RawColumn {
  /** Column name in the raw table (`c1`, `c2`...). */
  readonly name: string;
  readonly shape: ColumnShape;
}

/** A CSV file loaded as text by COPY: one text column per header field, and each row's file line. */
export interface RawCsvTable {
  /** Name of the temporary table. */
  readonly name: string;
  /** Normalised header names, in file order. */
  readonly header: readonly string[];
  /** The raw columns, in file order. */
  readonly columns: readonly RawColumn[];
  /** Data rows loaded. */
  readonly rows: number;
  /** The column of a header name (the last one with that name, as the streaming reader keeps), if any. */
  column(name: string): RawColumn | undefined;
}

/** The file cannot go through COPY exactly as the streaming reader would read it; it is streamed instead. */
export class CopyPathUnavailable extends Error {
  constructor(
    /** Why, for the debug log (a shape problem, `rejectedByCopy`, `lineCount`...). */
    readonly reason: string,
  ) {
    super(`the file needs the streaming reader (${reason})`);
  }
}

/** What {@link copyRawCsv} reports while bytes stream; it may throw to stop the load (cancellation). */
export type RawCopyProgress = (bytes: number, lines: number) => void;

/**
 * Streams a CSV file's bytes unchanged into a temporary table of text columns with
 * `COPY ... (FORMAT csv)`, so PostgreSQL, not Node, splits the records. `row_no` numbers the rows
 * from 2 (the header is line 1); a {@link CsvShapeScanner} checks, on the way, that every line is one
 * record, so that number is the file line csv-parse would report. Throws {@link CopyPathUnavailable}
 * when the file does not qualify (the transaction must then roll back); the COPY is ended on any
 * error so the connection can.
 */
export async function copyRawCsv(
  trx: Kysely<unknown>,
  input: AsyncIterable<Buffer>,
  csv: CsvOptions,
  dialect: CopyCsvDialect,
  progress: RawCopyProgress,
): Promise<RawCsvTable> {
  const scanner = new CsvShapeScanner(dialect.delimiter.charCodeAt(0), 0x22, dialect.encoding === 'UTF8');
  const pending: Buffer[] = [];
  let table: { name: string; header: string[] } | undefined;
  let copy: PostgresCopyInput | undefined;
  let bytes = 0;
  const start = async (): Promise<PostgresCopyInput> => {
    table = await createRawTable(trx, csv, pending, scanner.columns);
    // Two columns of one name must agree on every row: the streaming reader checks it row by row.
    if (repeatedColumns(table.header).length > 0) throw new CopyPathUnavailable('repeatedColumn');
    const columns = table.header.map((_, index) => `"c${index + 1}"`).join(', ');
    const started = await PostgresCopyInput.start(
      trx,
      `copy "${table.name}" (${columns}) from stdin with (format csv, header true, delimiter ${literal(dialect.delimiter)}, quote '"', encoding '${dialect.encoding}')`,
    );
    copy = started;
    for (const chunk of pending.splice(0)) await started.write(chunk);
    return started;
  };
  try {
    for await (const chunk of input) {
      scanner.scan(chunk);
      if (scanner.problem) throw new CopyPathUnavailable(scanner.problem);
      bytes += chunk.length;
      progress(bytes, scanner.lines);
      if (copy) await copy.write(chunk);
      else {
        pending.push(chunk);
        if (scanner.headerDone) await start();
      }
    }
    scanner.finish();
    if (scanner.problem) throw new CopyPathUnavailable(scanner.problem);
    const rows = await (copy ?? (await start())).end();
    // A line COPY reads as its end-of-data marker (`\.`) would silently drop the rest of the file.
    if (rows !== scanner.lines - 1) throw new CopyPathUnavailable('lineCount');
    const loaded = rawTable(requireTable(table), scanner, rows);
    // A value under a blank header cell would be dropped unseen; the streaming reader reports its row.
    if (loaded.columns.some((column, index) => loaded.header[index] === '' && column.shape.chars !== 0))
      throw new CopyPathUnavailable('unnamedColumn');
    return loaded;
  } catch (error) {
    // CopyFail ends a COPY still running, so the connection is free for the ROLLBACK.
    await copy?.abort(error);
    // SQLSTATE class 22 (data exception): COPY refused a line (encoding, width...); the reader reports it.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) throw new CopyPathUnavailable('rejectedByCopy');
    throw error;
  }
}

/** Reads the header from the first line's bytes with csv-parse (so names match the streaming reader) and creates the table. */
async function createRawTable(
  trx: Kysely<unknown>,
  csv: CsvOptions,
  pending: readonly Buffer[],
  width: number,
): Promise<{ name: string; header: string[] }> {
  const bytes = Buffer.concat(pending);
  const end = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, end < 0 ? bytes.length : end);
  let records: string[][];
  try {
    records = parseSync(line, csvParserOptions(csv)) as string[][];
  } catch {
    throw new CopyPathUnavailable('header');
  }
  const header = (records[0] ?? []).map(normalizeHeader);
  if (header.length !== width) throw new CopyPathUnavailable('header');
  const name = stagingTableName('postgres', 'raw');
  const columns = header.map((_, index) => sql`${sql.id(`c${index + 1}`)} text`);
  // A cached identity: COPY numbers the rows in file order at a fraction of a per-row nextval's cost.
  await sql`create temporary table ${sql.id(name)} (${sql.id(ROW_NO)} integer generated always as identity (start with 2 cache 10000), ${sql.join(columns)}) on commit drop`.execute(
    trx,
  );
  return { name, header };
}

function rawTable(
  table: { name: string; header: string[] },
  scanner: CsvShapeScanner,
  rows: number,
): RawCsvTable {
  const columns = table.header.map((_, index) => ({
    name: `c${index + 1}`,
    shape: scanner.column(index),
  }));
  return {
    name: table.name,
    header: table.header,
    columns,
    rows,
    column(name) {
      const index = table.header.lastIndexOf(name);
      return name === '' || index < 0 ? undefined : columns[index];
    },
  };
}

function requireTable<T>(table: T | undefined): T {
  if (table === undefined) throw new CopyPathUnavailable('emptyFile');
  return table;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
