import type { CsvOptions } from '../read/csv-options.js';

/** The CSV settings of a PostgreSQL `COPY ... (FORMAT csv)` that reads a file as the streaming reader does. */
export interface CopyCsvDialect {
  /** Field separator, one ASCII byte. */
  readonly delimiter: string;
  /** Quote character: `"`, which is also csv-parse's escape character. */
  readonly quote: '"';
  /** COPY's name of the file's encoding. */
  readonly encoding: 'UTF8' | 'LATIN1';
}

/**
 * The COPY settings for a file laid out as `csv`, or undefined when COPY cannot read such a file
 * byte for byte like csv-parse: COPY takes a one-byte delimiter and, unlike csv-parse, escapes
 * quotes with the quote character itself, so only `"` quoting matches.
 */
export function copyCsvDialect(csv: CsvOptions): CopyCsvDialect | undefined {
  const code = csv.delimiter.charCodeAt(0);
  const oneByte = csv.delimiter.length === 1 && code < 0x80 && (code >= 0x20 || code === 0x09);
  if (!oneByte || csv.delimiter === '"' || csv.quote !== '"') return undefined;
  return {
    delimiter: csv.delimiter,
    quote: '"',
    encoding: csv.encoding === 'latin1' ? 'LATIN1' : 'UTF8',
  };
}
