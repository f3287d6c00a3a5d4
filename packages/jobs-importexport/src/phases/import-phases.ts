import { performance } from 'node:perf_hooks';
import type { Logger } from '@hangar/core';

/** Steps of an import whose wall-clock time is recorded. */
export type ImportPhase =
  | 'read'
  | 'stage'
  | 'validate'
  | 'duplicates'
  | 'checks'
  | 'delete'
  | 'update'
  | 'references'
  | 'insert'
  | 'commit';

/** Message of the debug log entry that carries the phase times. */
export const IMPORT_PHASES_LOG = 'import phases';

/**
 * Milliseconds spent in each phase of one import, logged once at debug level when the import ends,
 * so a slow import shows where its time went without a profiler (the bench prints them).
 */
export class ImportPhases {
  /** How the file was read: `copy` (loaded by PostgreSQL COPY, validated in SQL) or `stream` (Node). */
  path: 'copy' | 'stream' | undefined;
  /** Why the COPY path gave way to the streaming reader, when it did. */
  fallback: string | undefined;
  private readonly times: Partial<Record<ImportPhase, number>> = {};

  constructor(private readonly log: Logger) {}

  /** Runs `work`, adding its duration to `phase` (also when it throws). */
  async time<T>(phase: ImportPhase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  /** Adds `ms` to `phase`. */
  add(phase: ImportPhase, ms: number): void {
    this.times[phase] = (this.times[phase] ?? 0) + ms;
  }

  /** The times so far, rounded to the millisecond. */
  snapshot(): Partial<Record<ImportPhase, number>> {
    const out: Partial<Record<ImportPhase, number>> = {};
    for (const [phase, ms] of Object.entries(this.times) as [ImportPhase, number][]) {
      out[phase] = Math.round(ms);
    }
    return out;
  }

  /** Logs the times (debug level). */
  report(): void {
    const fallback = this.fallback === undefined ? {} : { fallback: this.fallback };
    this.log.debug({ path: this.path, ...fallback, phases: this.snapshot() }, IMPORT_PHASES_LOG);
  }
}
