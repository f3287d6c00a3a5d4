import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from '../errors/import-file-error.js';
import { type CellValue, normalizeHeader, type SourceRow, type SourceSheet } from './source-row.js';
import { xlsxCellValue } from './xlsx-cell-value.js';

interface StreamedRow {
  number: number;
  values: unknown[] | Record<string, unknown>;
}

interface StreamedSheet extends AsyncIterable<StreamedRow> {
  name?: string;
}

/**
 * Streams the sheets of an XLSX workbook with exceljs's WorkbookReader: rows are parsed as the zip
 * is read, never as a whole workbook. In each sheet the first non-empty row is the header.
 */
export async function* readXlsxSheets(input: Readable, file: string): AsyncGenerator<SourceSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      const rows = worksheet[Symbol.asyncIterator]();
      const name = worksheet.name ?? 'Sheet';
      let header: string[] | undefined;
      for (;;) {
        const result = await rows.next();
        if (result.done) break;
        const values = cellsOf(result.value);
        if (values.every((value) => value === null)) continue;
        header = values.map((value) => (value === null ? '' : normalizeHeader(String(value))));
        break;
      }
      if (header === undefined) {
        yield { name, header: [], rows: emptyRows() };
        continue;
      }
      const sheet = { name, header, rows: rowsOf(rows, header) };
      yield sheet;
      // The zip is read in order: a sheet the caller did not finish must be drained before the next.
      for (;;) {
        const rest = await rows.next();
        if (rest.done) break;
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError || (error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(file, 'unreadable', (error as Error).message, error);
  }
}

async function* rowsOf(
  rows: AsyncIterator<StreamedRow>,
  header: readonly string[],
): AsyncGenerator<SourceRow> {
  for (;;) {
    const result = await rows.next();
    if (result.done) return;
    const values = cellsOf(result.value);
    if (values.every((value) => value === null)) continue;
    const cells: Record<string, CellValue> = {};
    values.forEach((value, index) => {
      const column = header[index];
      if (column !== undefined && column !== '') cells[column] = value;
    });
    yield { row: result.value.number, cells };
  }
}

// exceljs row values are 1-based (index 0 is empty) and sparse.
function cellsOf(row: StreamedRow): CellValue[] {
  const raw = Array.isArray(row.values) ? row.values : Object.values(row.values);
  const out: CellValue[] = [];
  for (let index = 1; index < raw.length; index++) out.push(xlsxCellValue(raw[index]));
  return out;
}

async function* emptyRows(): AsyncGenerator<SourceRow> {}
