import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import copyStreams from 'pg-copy-streams';
import { PostgresCopyUnavailableError } from '../errors/postgres-copy-unavailable-error.js';

/**
 * The writable end of a `COPY … FROM STDIN` running on the connection of a kysely transaction (so
 * it sees the transaction's temporary tables and goes away with its rollback).
 *
 * kysely does not expose the `pg` client, but its PostgreSQL connection passes `compiledQuery.sql`
 * straight to `client.query()`, and `pg` runs any object with a `submit` method as a custom query,
 * so the pg-copy-streams query object travels in place of the SQL text.
 *
 * After a server-side failure pg-copy-streams only emits 'error' and drops its connection: a later
 * write would throw a TypeError, a wait for 'drain' never end, and destroy() would try to send
 * CopyFail on no connection. The server's error is kept and rethrown instead.
 */
export class PostgresCopyInput {
  private failure: Error | undefined;

  private constructor(private readonly stream: Writable) {
    // Without a listener a server-side COPY error would crash the process; it surfaces on the next call.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Starts `copySql` (a `COPY … FROM STDIN`) on the connection `trx` (a kysely transaction or instance) holds. */
  static async start(
    trx: Pick<Kysely<unknown>, 'executeQuery'>,
    copySql: string,
  ): Promise<PostgresCopyInput> {
    const stream = copyStreams.from(copySql);
    await trx.executeQuery({ ...CompiledQuery.raw(copySql), sql: stream as unknown as string });
    if (typeof (stream as Partial<Writable>).write !== 'function') throw new PostgresCopyUnavailableError();
    return new PostgresCopyInput(stream);
  }

  /** Writes a chunk, waiting while the connection is saturated; throws the COPY's error once it failed. */
  async write(chunk: Buffer | string): Promise<void> {
    this.check();
    if (!this.stream.write(chunk)) await this.drained();
  }

  /** Ends the COPY once the server has every row, and returns the number of rows it loaded. */
  async end(): Promise<number> {
    this.check();
    this.stream.end();
    await finished(this.stream);
    return (this.stream as Writable & { rowCount?: number }).rowCount ?? 0;
  }

  /** Stops a COPY still running (CopyFail) so the transaction can roll back. */
  async abort(reason: unknown): Promise<void> {
    if (this.failure || this.stream.writableFinished || this.stream.destroyed) return;
    this.stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await finished(this.stream).catch(() => undefined);
  }

  private check(): void {
    if (this.failure) throw this.failure;
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
