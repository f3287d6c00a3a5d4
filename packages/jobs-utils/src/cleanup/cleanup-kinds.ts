import type { JobContext } from '@hangar/core';

/** What `utils.cleanup` can clean. */
export const CLEANUP_KINDS = ['jobs', 'files', 'staging', 'modificationLog'] as const;
export type CleanupKind = (typeof CLEANUP_KINDS)[number];

/** What one kind of cleanup deleted (or, in a dry run, would delete). */
export interface CleanupCount {
  readonly kind: CleanupKind;
  readonly count: number;
  /** Bytes freed, where the store can tell (files; staging tables on PostgreSQL); null otherwise. */
  readonly bytes: number | null;
}

/** What every kind of cleanup is given. */
export interface CleanupRun {
  readonly ctx: JobContext;
  readonly dryRun: boolean;
  /** Reports progress within the kind: items done so far. */
  progress(done: number): void;
}

/** Milliseconds in `days` days. */
export const daysMs = (days: number): number => Math.round(days * 86_400_000);
