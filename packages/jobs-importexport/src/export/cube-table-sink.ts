import type { FileOwner, FileStore, StoredFile } from '../files/file-store.js';
import type { CsvOptions } from '../read/csv-options.js';
import { CsvFileWriter } from './csv-file-writer.js';
import { MEDIA_TYPES } from './open-export-file.js';
import { type ParquetColumn, ParquetTableWriter } from './parquet-table-writer.js';

/** One table of a cube export, in Parquet or CSV. */
export interface CubeTableSink {
  append(values: readonly (number | string | null)[]): Promise<void>;
  close(): Promise<StoredFile>;
  discard(): Promise<void>;
}

/** Starts table `name` of a cube export in the store, among `owner`'s output files. */
export async function openCubeTable(
  store: FileStore,
  name: string,
  columns: readonly ParquetColumn[],
  format: 'parquet' | 'csv',
  csv: CsvOptions,
  owner: FileOwner,
): Promise<CubeTableSink> {
  const sink = await store.create(`${name}.${format}`, MEDIA_TYPES[format], owner);
  if (format === 'parquet') return new ParquetTableWriter(sink, columns);
  const writer = new CsvFileWriter(sink, csv);
  const sheet = await writer.sheet(
    name,
    columns.map((column) => column.name),
  );
  return {
    append: (values) => sheet.row(values),
    close: () => writer.close(),
    discard: () => writer.discard(),
  };
}
