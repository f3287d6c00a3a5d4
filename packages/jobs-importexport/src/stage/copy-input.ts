import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * The writable end of a running `COPY ... FROM STDIN` (pg-copy-streams), safe to use after the
 * server failed the COPY. pg-copy-streams then only emits 'error' and drops its connection: a later
 * write would throw a TypeError, a wait for 'drain' would never end, and destroy() would try to
 * send CopyFail on no connection. Here the server's error is rethrown instead.
 */
export class CopyInput {
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    // Without a listener a server-side COPY error would crash the process; it surfaces on the next call.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Writes a chunk, waiting while the connection is saturated; throws the COPY's error once it failed. */
  async write(chunk: Buffer | string): Promise<void> {
    this.check();
    if (!this.stream.write(chunk)) await this.drained();
  }

  /** Ends the COPY and returns the number of rows it loaded. */
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
