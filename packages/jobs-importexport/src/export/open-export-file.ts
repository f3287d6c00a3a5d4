import type { FileOwner, FileStore } from '../files/file-store.js';
import type { CsvOptions } from '../read/csv-options.js';
import type { TableFormat } from '../read/open-source.js';
import { CsvFileWriter } from './csv-file-writer.js';
import type { TableFileWriter } from './table-file-writer.js';
import { XlsxFileWriter } from './xlsx-file-writer.js';

/** Media types of the export formats. */
export const MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json',
} as const;

/** Creates `name` in the store, among `owner`'s output files, and a writer for its format. */
export async function openExportFile(
  store: FileStore,
  name: string,
  format: TableFormat,
  csv: CsvOptions,
  owner: FileOwner,
): Promise<TableFileWriter> {
  const sink = await store.create(name, MEDIA_TYPES[format], owner);
  return format === 'csv' ? new CsvFileWriter(sink, csv) : new XlsxFileWriter(sink);
}
