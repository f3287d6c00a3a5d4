import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { ImportFileError } from '../errors/import-file-error.js';
import type { FileStore } from '../files/file-store.js';
import { CountingStream } from './counting-stream.js';
import type { CsvOptions } from './csv-options.js';
import { readCsvSheets } from './csv-sheet-reader.js';
import type { SourceSheet } from './source-row.js';
import { readXlsxSheets } from './xlsx-sheet-reader.js';

/** Tabular file formats the imports read. */
export type TableFormat = 'csv' | 'xlsx';

/** An import file opened for streaming. */
export interface OpenedSource {
  /** File name for messages (the location's last part). */
  readonly name: string;
  /** Size in bytes, for progress. */
  readonly size: number;
  /** Format read. */
  readonly format: TableFormat;
  /** Bytes read so far. */
  bytesRead(): number;
  /** Its tables: one for CSV, one per sheet for XLSX. */
  readonly sheets: AsyncGenerator<SourceSheet>;
  /** Releases the file and any temporary copy (also when reading stopped early). */
  close(): void;
}

/** The format of a file: the one given, else from its extension. */
export function formatOf(location: string, given: TableFormat | undefined): TableFormat {
  if (given) return given;
  const ext = extname(location).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new ImportFileError(
    location,
    'unsupportedFormat',
    `cannot tell the format of "${location}"; pass format: csv or xlsx`,
  );
}

/** The file name shown in messages: the location's last part. */
export function sourceName(location: string): string {
  return location.split(/[\\/]/).pop() ?? location;
}

/** Opens `location` from the store and starts streaming its tables. */
export async function openSource(
  store: FileStore,
  location: string,
  options: { format?: TableFormat | undefined; csv: CsvOptions; signal?: AbortSignal },
): Promise<OpenedSource> {
  const name = sourceName(location);
  const format = formatOf(location, options.format);
  let input: Readable;
  let size: number;
  try {
    size = await store.size(location);
    input = await store.openRead(location, options.signal);
  } catch (error) {
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  }
  const counter = new CountingStream();
  input.on('error', (error) => counter.destroy(error));
  input.pipe(counter);
  // A workbook is spooled to disk first (see readXlsxSheets); the directory goes when the source closes.
  const tempDir = format === 'xlsx' ? await mkdtemp(join(tmpdir(), 'hangar-xlsx-')) : undefined;
  const sheets =
    tempDir === undefined
      ? readCsvSheets(counter, name, options.csv)
      : readXlsxSheets(counter, name, tempDir);
  return {
    name,
    size,
    format,
    bytesRead: () => counter.bytes,
    sheets,
    close: () => {
      input.destroy();
      counter.destroy();
      void sheets.return(undefined).catch(() => undefined);
      if (tempDir !== undefined) void rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
