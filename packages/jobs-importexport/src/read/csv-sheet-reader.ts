import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { type Options, type Parser, parse } from 'csv-parse';
import { ImportFileError } from '../errors/import-file-error.js';
import type { CsvOptions } from './csv-options.js';
import {
  type CellValue,
  normalizeHeader,
  type RowMisfit,
  repeatedColumnMisfit,
  repeatedColumns,
  type SourceRow,
  type SourceSheet,
} from './source-row.js';

/** csv-parse settings for a file laid out as `options` (also used to read the header of a COPY import). */
export function csvParserOptions(options: CsvOptions): Options {
  return {
    delimiter: options.delimiter,
    quote: options.quote,
    // csv-parse decodes the bytes itself; `bom` drops a UTF-8 byte-order mark before the header.
    encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8',
    bom: options.encoding === 'utf-8',
    // Rows of another width are not parse errors here: `misfitOf` reports each of them with its
    // row and both counts, so one run lists every bad row instead of stopping at the first.
    relax_column_count: true,
    skip_empty_lines: true,
  };
}

/** A parsed record and the file line it ends on. */
type LineRecord = readonly [line: number, record: string[]];

/**
 * Streams a CSV file as one {@link SourceSheet}: the first non-empty record is the header, every
 * later record a row numbered by the line it ends on. Only one input chunk's records are held.
 */
export async function* readCsvSheets(
  input: Readable,
  name: string,
  options: CsvOptions,
): AsyncGenerator<SourceSheet> {
  const parser = parse(csvParserOptions(options));
  const records = lineRecords(input, parser, name)[Symbol.asyncIterator]();
  const first = await records.next();
  if (first.done) {
    yield { name, header: [], rows: emptyRows() };
    return;
  }
  const header = first.value[1].map(normalizeHeader);
  yield { name, header, rows: rowsOf(records, header) };
}

/**
 * Feeds the input to csv-parse chunk by chunk and hands out its records with their line numbers.
 * Records are taken from the parser's `data` events, emitted while it parses a chunk, so its
 * line counter is exact for each; csv-parse's own `info` option gives the same at three times the
 * cost.
 */
async function* lineRecords(input: Readable, parser: Parser, name: string): AsyncGenerator<LineRecord> {
  const queue: LineRecord[] = [];
  let failure: unknown;
  parser.on('data', (record: string[]) => queue.push([parser.info.lines, record]));
  parser.on('error', (error) => {
    failure = error;
  });
  const fail = (error: unknown): never => {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  };
  try {
    for await (const chunk of input) {
      parser.write(chunk as Buffer);
      if (failure !== undefined) fail(failure);
      yield* queue.splice(0);
    }
    // The parser may have failed after the last check (it reports errors on the next tick): it then
    // never emits 'end', and waiting for it would hang the import.
    if (failure !== undefined) fail(failure);
    const ended = once(parser, 'end');
    parser.end();
    await ended;
  } catch (error) {
    fail(failure ?? error);
  } finally {
    parser.destroy();
  }
  if (failure !== undefined) fail(failure);
  yield* queue.splice(0);
}

async function* rowsOf(
  records: AsyncIterator<LineRecord>,
  header: readonly string[],
): AsyncGenerator<SourceRow> {
  const repeated = repeatedColumns(header);
  for (;;) {
    const item = await records.next();
    if (item.done) return;
    const [line, record] = item.value;
    const misfit = misfitOf(header, record, repeated);
    yield misfit === undefined
      ? { row: line, cells: cellsOf(header, record) }
      : { row: line, cells: {}, misfit };
  }
}

/**
 * Why a record does not line up with the header, if it does not: another number of fields (a
 * trailing delimiter, an unquoted thousands separator, a missing field), a value under a blank
 * header cell, or two different values for a column the header names twice. A blank header cell
 * over blank values (a trailing delimiter on every line) is fine, and so is a repeated column
 * given the same value.
 */
export function misfitOf(
  header: readonly string[],
  record: readonly (string | null)[],
  repeated: readonly (readonly number[])[] = repeatedColumns(header),
): RowMisfit | undefined {
  const expected = header.length;
  const actual = record.length;
  if (actual > expected) {
    return {
      problem: 'fieldCount',
      column: `#${expected + 1}`,
      value: record[expected] ?? null,
      expected,
      actual,
    };
  }
  if (actual < expected) {
    return {
      problem: 'fieldCount',
      column: header[actual] || `#${actual + 1}`,
      value: null,
      expected,
      actual,
    };
  }
  const unnamed = header.findIndex((name, index) => name === '' && (record[index] ?? '').trim() !== '');
  if (unnamed < 0)
    return repeatedColumnMisfit(header, repeated, (index) => (record[index] ?? '').trim(), actual);
  return {
    problem: 'unnamedColumn',
    column: `#${unnamed + 1}`,
    value: record[unnamed] ?? null,
    expected,
    actual,
  };
}

/** A record's cells by header name: trimmed, empty as null; a repeated header name keeps its last cell (`misfitOf` has checked they agree). */
export function cellsOf(
  header: readonly string[],
  record: readonly (string | null)[],
): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  record.forEach((raw, index) => {
    const column = header[index];
    if (column === undefined || column === '') return;
    const value = raw === null ? '' : raw.trim();
    cells[column] = value === '' ? null : value;
  });
  return cells;
}

async function* emptyRows(): AsyncGenerator<SourceRow> {}
