/** A cell as read: text from CSV, text or number from XLSX, null when empty. */
export type CellValue = string | number | null;

/** One data row of a file, with cells keyed by normalised header name. */
export interface SourceRow {
  /** 1-based row number as the user sees it in the file or sheet (the header is row 1 of a CSV). */
  readonly row: number;
  /** Cells by normalised column name. */
  readonly cells: Readonly<Record<string, CellValue>>;
  /** Set when the row's fields do not line up with the header: the row is reported, never imported. */
  readonly misfit?: RowMisfit;
}

/**
 * How a row fails to line up with its header. Its cells cannot be trusted (an unquoted `1,234.50`
 * splits into two fields and shifts nothing but the amount), so the row is an error, not a guess.
 */
export interface RowMisfit {
  /**
   * `fieldCount`: a CSV row has more or fewer fields than the header; `unnamedColumn`: a value
   * stands in a column the header does not name (a blank header cell, or beyond the last one);
   * `errorCell`: a sheet's cell holds an error value (`#DIV/0!`, `#N/A`), which is no value;
   * `repeatedColumn`: the header names a column twice and the row gives it two different values.
   */
  readonly problem: 'fieldCount' | 'unnamedColumn' | 'errorCell' | 'repeatedColumn';
  /** Where the row departs from the header: a header name, or a position (`#7`, or `G` in a sheet). */
  readonly column: string;
  /** The first value beyond the header (null when fields are missing). */
  readonly value: CellValue;
  /** Fields of the header. */
  readonly expected: number;
  /** Fields of the row. */
  readonly actual: number;
}

/** One table of a file: a CSV file, or one sheet of a workbook. */
export interface SourceSheet {
  /** Sheet name; the file name for CSV. */
  readonly name: string;
  /** Normalised header names, in file order. */
  readonly header: readonly string[];
  /** Data rows, streamed. Must be consumed (or abandoned) before the next sheet is read. */
  readonly rows: AsyncIterable<SourceRow>;
}

/** Header names are compared trimmed, lower-case, with spaces and dashes as `_`. */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Positions of each header name that appears more than once (blank names aside). */
export function repeatedColumns(header: readonly string[]): readonly (readonly number[])[] {
  const positions = new Map<string, number[]>();
  header.forEach((name, index) => {
    if (name !== '') positions.set(name, [...(positions.get(name) ?? []), index]);
  });
  return [...positions.values()].filter((indexes) => indexes.length > 1);
}

/**
 * The misfit of a row that gives a repeated column two different values (compared as `text`
 * returns them), blamed on the column's first position: which one was meant cannot be told.
 */
export function repeatedColumnMisfit(
  header: readonly string[],
  repeated: readonly (readonly number[])[],
  text: (index: number) => string,
  actual: number,
): RowMisfit | undefined {
  for (const indexes of repeated) {
    const [first, ...others] = indexes;
    if (first === undefined || others.every((index) => text(index) === text(first))) continue;
    const column = header[first] ?? `#${first + 1}`;
    return { problem: 'repeatedColumn', column, value: text(first), expected: header.length, actual };
  }
  return undefined;
}
