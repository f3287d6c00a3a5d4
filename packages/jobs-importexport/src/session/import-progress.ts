import { type JobContext, t } from '@hangar/core';

/** Least time between two progress messages, so a fast import does not flood the job log. */
const PROGRESS_INTERVAL_MS = 500;

/** Reports rows read and written and the share of the file read, throttled. */
export class ImportProgress {
  /** Rows read from the file. */
  read = 0;
  /** Rows written (staged while reading, then applied). */
  written = 0;
  private last = 0;

  constructor(
    private readonly ctx: JobContext,
    private readonly file: string,
    private readonly totalBytes: number,
    private readonly bytesRead: () => number,
  ) {}

  /** Sends a progress message when enough time passed, or always with `force`. */
  report(force = false): void {
    const now = Date.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    const bytes = Math.min(this.bytesRead(), this.totalBytes);
    const percent = this.totalBytes === 0 ? 100 : Math.floor((bytes * 100) / this.totalBytes);
    this.ctx.progress(
      t('importexport.progress.rows', { file: this.file, read: this.read, written: this.written, percent }),
      { current: bytes, total: this.totalBytes },
    );
  }
}
