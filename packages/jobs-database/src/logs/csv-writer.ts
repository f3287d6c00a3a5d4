import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** A cell as the exports write it. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text starting with
 * `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file written row by row (streamed: an export never holds the whole log in memory). */
export class CsvFile {
  private readonly out: WriteStream;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.out = createWriteStream(path);
    this.out.write(`${header.map(csvCell).join(',')}\r\n`);
  }

  /** Appends a row, waiting when the stream is full. */
  async write(cells: readonly CsvCell[]): Promise<void> {
    this.rows += 1;
    if (!this.out.write(`${cells.map(csvCell).join(',')}\r\n`))
      await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  /** Ends the file. */
  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
  }
}
