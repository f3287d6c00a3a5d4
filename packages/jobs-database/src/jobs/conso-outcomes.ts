import type { ErrorInfo, ErrorInfoEntry, ItemOutcome } from '@hangar/core';

/** What became of one conso of an integration run. */
export type ConsoOutcome = 'done' | 'skipped' | 'failed' | 'notStarted';

/** One conso's outcome, as the job result's `outcomes` carries it (see `ItemOutcome`). */
export interface ConsoOutcomeRow extends ItemOutcome {
  /** The conso's code. */
  readonly item: string;
  /** What became of it. */
  readonly outcome: ConsoOutcome;
  /** For a failed conso, the code of its first error. */
  readonly detail?: string;
}

/** Message keys of the outcomes that are not failures (a failure has its own error entries). */
const OUTCOME_KEYS = {
  done: 'conso.outcome.done',
  skipped: 'conso.outcome.skipped',
  notStarted: 'conso.outcome.notStarted',
} as const satisfies Record<Exclude<ConsoOutcome, 'failed'>, string>;

/** Error codes of those outcomes in ErrorInfo. */
const OUTCOME_CODES = {
  done: 'CONSO_DONE',
  skipped: 'CONSO_SKIPPED',
  notStarted: 'CONSO_NOT_STARTED',
} as const satisfies Record<Exclude<ConsoOutcome, 'failed'>, string>;

/**
 * The per-conso checkpoint of an integration run, in run order. A failed job keeps no result, so
 * when the run fails these outcomes also travel in its ErrorInfo: {@link outcomeEntries}.
 */
export class ConsoCheckpoint {
  private readonly rows = new Map<string, ConsoOutcomeRow>();

  /** Starts with every conso not started, in run order. */
  constructor(consos: readonly string[]) {
    for (const conso of consos) this.rows.set(conso, { item: conso, outcome: 'notStarted' });
  }

  /** Records what became of a conso. */
  set(conso: string, outcome: ConsoOutcome, detail?: string): void {
    this.rows.set(conso, detail === undefined ? { item: conso, outcome } : { item: conso, outcome, detail });
  }

  /** Every conso's outcome, in run order. */
  outcomes(): ConsoOutcomeRow[] {
    return [...this.rows.values()];
  }

  /** Codes of the failed consos, in run order. */
  failed(): string[] {
    return this.outcomes()
      .filter((row) => row.outcome === 'failed')
      .map((row) => row.item);
  }

  /**
   * ErrorInfo entries of the consos that did not fail, in run order (`info` for done and not
   * started, `warning` for skipped), so a failed job still says which consos completed.
   */
  outcomeEntries(): ErrorInfo {
    const entries: ErrorInfoEntry[] = [];
    for (const row of this.rows.values()) {
      if (row.outcome === 'failed') continue;
      entries.push({
        code: OUTCOME_CODES[row.outcome],
        key: OUTCOME_KEYS[row.outcome],
        params: { conso: row.item, outcome: row.outcome },
        severity: row.outcome === 'skipped' ? 'warning' : 'info',
        source: row.item,
      });
    }
    return entries;
  }
}
