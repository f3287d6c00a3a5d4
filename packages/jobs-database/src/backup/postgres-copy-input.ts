import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import copyStreams from 'pg-copy-streams';

/**
 * A `COPY … FROM STDIN` running on the connection of a kysely transaction (its temporary tables and
 * its rollback). kysely does not expose the `pg` client, but its PostgreSQL connection passes
 * `compiledQuery.sql` straight to `client.query()`, and `pg` runs any object with a `submit` method
 * as a custom query, so the pg-copy-streams query object travels in place of the SQL text. After a
 * server-side failure pg-copy-streams only emits 'error': a later write would throw a TypeError and
 * a wait for 'drain' never end, so the server's error is kept and rethrown instead.
 */
export class PostgresCopyInput {
  private failure: Error | undefined;

  private constructor(private readonly stream: Writable) {
    // Without a listener a server-side COPY error would crash the process; it surfaces on the next call.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static async start<DB>(trx: Kysely<DB>, copySql: string): Promise<PostgresCopyInput> {
    const stream = copyStreams.from(copySql);
    await trx.executeQuery({ ...CompiledQuery.raw(copySql), sql: stream as unknown as string });
    if (typeof (stream as Partial<Writable>).write !== 'function')
      throw new Error('PostgreSQL COPY could not start on this connection');
    return new PostgresCopyInput(stream);
  }

  /** Writes a chunk, waiting while the connection is saturated; throws the COPY's error once it failed. */
  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await this.drained();
  }

  /** Ends the COPY once the server has every row. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  /** Stops a COPY still running (CopyFail) so the transaction can roll back. */
  async abort(reason: unknown): Promise<void> {
    if (this.failure || this.stream.writableFinished || this.stream.destroyed) return;
    this.stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await finished(this.stream).catch(() => undefined);
  }

  private drained(): Promise<void> {
    const stream = this.stream;
    return new Promise((resolve, reject) => {
      const settle = (error?: Error) => {
        stream.off('drain', onDrain).off('error', settle).off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onClose = () => settle(this.failure ?? new Error('the COPY stream closed'));
      stream.on('drain', onDrain).on('error', settle).on('close', onClose);
    });
  }
}

/** A JSON value of an archive in COPY's text format: `\N` for null, t/f, JSON for objects, escaped text. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}
