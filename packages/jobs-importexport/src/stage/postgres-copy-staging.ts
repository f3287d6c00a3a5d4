import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { startPostgresCopy } from './postgres-copy-stream.js';
import { indexAndAnalyze } from './staging-ddl.js';
import { ROW_NO, type StagingColumn, type StagingTable, type StagingValue } from './staging-table.js';

/** Bytes buffered before one write to the COPY stream. */
const CHUNK_BYTES = 256 * 1024;

/** Escapes a value for COPY's text format: backslash, tab, newline and carriage return; null is `\N`. */
export function copyTextValue(value: StagingValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Stages rows into a PostgreSQL temporary table through `COPY FROM STDIN` (pg-copy-streams) on the
 * transaction's connection: the fastest bulk path, with backpressure so memory stays flat.
 */
export class PostgresCopyStaging implements StagingTable {
  private stream: Writable | undefined;
  private buffer = '';
  private staged = 0;
  private done = false;
  private failure: Error | undefined;

  constructor(
    private readonly db: Kysely<unknown>,
    readonly name: string,
    readonly columns: readonly StagingColumn[],
  ) {}

  async append(rowNo: number, values: readonly StagingValue[]): Promise<void> {
    let line = String(rowNo);
    for (const value of values) line += `\t${copyTextValue(value)}`;
    this.buffer += `${line}\n`;
    this.staged += 1;
    if (this.buffer.length >= CHUNK_BYTES) await this.flush();
  }

  async finish(): Promise<number> {
    if (this.done) return this.staged;
    this.done = true;
    if (this.staged === 0) return 0;
    await this.flush();
    const stream = this.stream;
    if (stream) {
      stream.end();
      await finished(stream);
    }
    await indexAndAnalyze(this.db, this.name);
    return this.staged;
  }

  async abort(reason: unknown): Promise<void> {
    if (this.done) return;
    this.done = true;
    const stream = this.stream;
    if (!stream) return;
    // destroy() sends CopyFail, which ends the COPY with an error and frees the connection for ROLLBACK.
    stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await finished(stream).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    if (!this.stream) this.stream = await this.open();
    const stream = this.stream;
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  private async open(): Promise<Writable> {
    const columns = [ROW_NO, ...this.columns.map((column) => column.name)]
      .map((name) => `"${name}"`)
      .join(', ');
    const stream = await startPostgresCopy(this.db, `copy "${this.name}" (${columns}) from stdin`);
    // Without a listener a server-side COPY error would crash the process; it is rethrown on the next write.
    stream.on('error', (error: Error) => {
      this.failure = error;
    });
    return stream;
  }
}
