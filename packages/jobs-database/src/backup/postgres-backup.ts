import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { runTool } from './run-tool.js';

/** Progress of a tool run: tables done of tables in all. */
export type TableProgress = (table: string, done: number, total: number) => void;

/**
 * Dumps the schema with `pg_dump --format=custom`, streamed into `path` (never held in memory).
 * `--verbose` names each table as its data is dumped, which gives the progress.
 */
export async function pgDump(
  url: string,
  schema: string,
  path: string,
  tables: number,
  signal: AbortSignal,
  progress: TableProgress,
): Promise<void> {
  const out = createWriteStream(path);
  let done = 0;
  await runTool({
    command: 'pg_dump',
    args: ['--format=custom', '--verbose', '--no-owner', `--schema=${schema}`, `--dbname=${url}`],
    signal,
    stdout: out,
    onLine: (line) => {
      const match = /dumping contents of table "([^"]+)"/.exec(line);
      if (match) progress(match[1] ?? '', ++done, tables);
    },
  }).catch((error: unknown) => {
    out.destroy();
    throw error;
  });
  await finished(out);
}

/**
 * Restores a custom-format dump with `pg_restore --single-transaction --clean --if-exists`: the
 * schema's objects are dropped and recreated and its data loaded in one transaction, so any failure
 * (or a cancellation, which kills the tool and so its connection) leaves the database as it was.
 */
export async function pgRestore(
  url: string,
  path: string,
  tables: number,
  signal: AbortSignal,
  progress: TableProgress,
): Promise<void> {
  let done = 0;
  await runTool({
    command: 'pg_restore',
    args: [
      '--single-transaction',
      '--clean',
      '--if-exists',
      '--no-owner',
      '--verbose',
      `--dbname=${url}`,
      path,
    ],
    signal,
    onLine: (line) => {
      const match = /processing data for table "([^"]+)"/.exec(line);
      if (match) progress(match[1] ?? '', ++done, tables);
    },
  });
}
