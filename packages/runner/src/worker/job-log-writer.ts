import type { Logger, NewLogEntry, QueueAdapter } from '@hangar/core';

/**
 * Buffers a job's progress and messages and appends them in batches, so that a chatty job costs
 * one adapter call per tick instead of one per message, while order is kept.
 */
export class JobLogWriter {
  private buffer: NewLogEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly queue: QueueAdapter,
    private readonly jobId: string,
    private readonly logger: Logger,
  ) {}

  /** Queues an entry for the next flush. */
  write(entry: NewLogEntry): void {
    this.buffer.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    const batch = this.buffer;
    if (batch.length === 0) return this.flushing;
    this.buffer = [];
    this.flushing = this.flushing.then(() =>
      this.queue.appendLog(this.jobId, batch).catch((error: unknown) => {
        this.logger.warn({ err: error, jobId: this.jobId }, 'Could not store job messages');
      }),
    );
    return this.flushing;
  }
}
