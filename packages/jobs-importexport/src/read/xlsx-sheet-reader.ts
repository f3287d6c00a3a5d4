import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFileError } from '../errors/import-file-error.js';
import {
  type CellValue,
  normalizeHeader,
  type RowMisfit,
  repeatedColumnMisfit,
  repeatedColumns,
  type SourceRow,
  type SourceSheet,
} from './source-row.js';
import { readSharedStrings, readSheetRows, readWorkbookSheets, type XlsxRow } from './xlsx-parts.js';
import { openZipDirectory, type ZipDirectory } from './zip-directory.js';

/**
 * Streams the sheets of an XLSX workbook in workbook order. The upload is first spooled to a
 * temporary file in `tempDir` (a zip is only reliably readable through its central directory,
 * which comes last); then each sheet's XML is parsed as it is inflated, so rows stream and the
 * workbook is never held in memory (only its shared-strings table, as Excel readers do).
 */
export async function* readXlsxSheets(
  input: Readable,
  file: string,
  tempDir: string,
): AsyncGenerator<SourceSheet> {
  const path = join(tempDir, 'upload.xlsx');
  let zip: ZipDirectory;
  let sheets: { name: string; path: string }[];
  let shared: string[];
  try {
    await pipeline(input, createWriteStream(path));
    zip = await openZipDirectory(path);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(file, 'unreadable', (error as Error).message, error);
  }
  try {
    try {
      sheets = await readWorkbookSheets(zip);
      shared = await readSharedStrings(zip);
    } catch (error) {
      throw new ImportFileError(
        file,
        'unreadable',
        `not a readable XLSX workbook (${(error as Error).message})`,
        error,
      );
    }
    for (const sheet of sheets) {
      if (!zip.entries.has(sheet.path)) continue;
      const rows = readSheetRows(zip, sheet.path, shared)[Symbol.asyncIterator]();
      let header: string[] | undefined;
      for (;;) {
        const result = await next(rows, file);
        if (result === undefined) break;
        if (result.values.every((value) => value === null)) continue;
        header = result.values.map((value) => (value === null ? '' : normalizeHeader(String(value))));
        break;
      }
      yield { name: sheet.name, header: header ?? [], rows: rowsOf(rows, header ?? [], file) };
      // The caller moved on: stop inflating what it left of this sheet.
      await rows.return?.(undefined);
    }
  } finally {
    await zip.close();
  }
}

async function* rowsOf(
  rows: AsyncIterator<XlsxRow>,
  header: readonly string[],
  file: string,
): AsyncGenerator<SourceRow> {
  for (;;) {
    const result = await next(rows, file);
    if (result === undefined) return;
    if (result.values.every((value) => value === null)) continue;
    const misfit = misfitOf(result, header);
    if (misfit) {
      yield { row: result.number, cells: {}, misfit };
      continue;
    }
    const cells: Record<string, CellValue> = {};
    result.values.forEach((value, index) => {
      const column = header[index];
      if (column !== undefined && column !== '') cells[column] = value;
    });
    yield { row: result.number, cells };
  }
}

/**
 * Why a sheet row cannot be read as it stands: a value in a column the header does not name
 * (cells left empty are absent from a sheet's XML, so a short row is normal, but a value beyond
 * the header would be dropped unseen), a cell holding an error (`#DIV/0!`), which would read
 * as empty, or two different values for a column the header names twice.
 */
function misfitOf(row: XlsxRow, header: readonly string[]): RowMisfit | undefined {
  const expected = header.length;
  const actual = row.values.length;
  const unnamed = row.values.findIndex((value, index) => value !== null && !header[index]);
  if (unnamed >= 0) {
    const value = row.values[unnamed] ?? null;
    return { problem: 'unnamedColumn', column: columnLetters(unnamed), value, expected, actual };
  }
  const [index, error] = row.errors?.entries().next().value ?? [];
  if (index === undefined || error === undefined) {
    const text = (i: number) => String(row.values[i] ?? '');
    return repeatedColumnMisfit(header, repeatedColumns(header), text, actual);
  }
  const column = header[index] || columnLetters(index);
  return { problem: 'errorCell', column, value: error, expected, actual };
}

/** A zero-based column index as a sheet names it (0 → `A`, 26 → `AA`). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

async function next(rows: AsyncIterator<XlsxRow>, file: string): Promise<XlsxRow | undefined> {
  try {
    const result = await rows.next();
    return result.done ? undefined : result.value;
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(file, 'unreadable', (error as Error).message, error);
  }
}
