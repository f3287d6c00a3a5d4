import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportFileError } from '../errors/import-file-error.js';
import type { CsvOptions } from './csv-options.js';
import { type CellValue, normalizeHeader, type SourceRow, type SourceSheet } from './source-row.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Streams a CSV file as one {@link SourceSheet}: the first non-empty record is the header, every
 * later record a row numbered by the line it ends on. Only the parser's buffer is held in memory.
 */
export async function* readCsvSheets(
  input: Readable,
  name: string,
  options: CsvOptions,
): AsyncGenerator<SourceSheet> {
  const parser = input.pipe(
    parse({
      delimiter: options.delimiter,
      quote: options.quote,
      // csv-parse decodes the bytes itself; `bom` drops a UTF-8 byte-order mark before the header.
      encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8',
      bom: options.encoding === 'utf-8',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const first = await next(records, name);
  if (first === undefined) {
    yield { name, header: [], rows: emptyRows() };
    return;
  }
  const header = first.record.map(normalizeHeader);
  yield { name, header, rows: rowsOf(records, header, name) };
}

async function* rowsOf(
  records: AsyncIterator<ParsedRecord>,
  header: readonly string[],
  name: string,
): AsyncGenerator<SourceRow> {
  for (;;) {
    const item = await next(records, name);
    if (item === undefined) return;
    const cells: Record<string, CellValue> = {};
    item.record.forEach((raw, index) => {
      const column = header[index];
      if (column === undefined || column === '') return;
      const value = raw.trim();
      cells[column] = value === '' ? null : value;
    });
    yield { row: item.info.lines, cells };
  }
}

async function next(records: AsyncIterator<ParsedRecord>, name: string): Promise<ParsedRecord | undefined> {
  try {
    const result = await records.next();
    return result.done ? undefined : result.value;
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  }
}

async function* emptyRows(): AsyncGenerator<SourceRow> {}
