import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';

/** One table of an archive as read: its header, then its rows page by page, then its count. */
export type ArchiveLine =
  | { readonly kind: 'table'; readonly table: string; readonly columns: readonly string[] }
  | { readonly kind: 'row'; readonly values: readonly unknown[] }
  | { readonly kind: 'end'; readonly table: string; readonly rows: number };

/**
 * The lines of a customer archive (gzip NDJSON), streamed and checked one by one: a line that is not
 * a header, a row of the header's width or an end line is `BACKUP_INVALID`, naming the line.
 */
export async function* archiveLines(path: string, backup: string): AsyncGenerator<ArchiveLine> {
  const input = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const invalid = (number: number, problem: string) =>
    new BackupInvalidError('backup', backup, `line ${number}: ${problem}`);
  let number = 0;
  let width = -1;
  try {
    for await (const text of lines) {
      number++;
      if (text === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw invalid(number, 'not JSON');
      }
      if (Array.isArray(value)) {
        if (value.length !== width)
          throw invalid(number, `a row of ${value.length} values, expected ${width}`);
        yield { kind: 'row', values: value };
      } else if (isHeader(value)) {
        width = value.columns.length;
        yield { kind: 'table', table: value.table, columns: value.columns };
      } else if (isEnd(value)) {
        width = -1;
        yield { kind: 'end', table: value.end, rows: value.rows };
      } else throw invalid(number, 'neither a table header, a row nor a table end');
    }
  } catch (error) {
    if (error instanceof BackupInvalidError) throw error;
    throw invalid(number, `unreadable (${(error as Error).message})`);
  } finally {
    lines.close();
    input.destroy();
  }
}

function isHeader(value: unknown): value is { table: string; columns: string[] } {
  const header = value as { table?: unknown; columns?: unknown };
  return (
    typeof header?.table === 'string' &&
    Array.isArray(header.columns) &&
    header.columns.every((column) => typeof column === 'string')
  );
}

function isEnd(value: unknown): value is { end: string; rows: number } {
  const end = value as { end?: unknown; rows?: unknown };
  return typeof end?.end === 'string' && typeof end.rows === 'number';
}
