/**
 * What became of one item of a job that works through a list (consos, files, ...). A job that
 * returns `outcomes: ItemOutcome[]` in its result lets any reader (the CLI's `status`, a UI) show
 * a per-item table without knowing the job type.
 */
export interface ItemOutcome {
  /** The item, as users name it (a code, a file name). */
  readonly item: string;
  /** What happened to it, one word (`done`, `skipped`, `failed`, `notStarted`, ...). */
  readonly outcome: string;
  /** A short detail, e.g. the code of the error that failed it. */
  readonly detail?: string;
}

/** The `outcomes` a job result carries, or undefined when it carries none (or not in that shape). */
export function itemOutcomesOf(result: unknown): ItemOutcome[] | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const outcomes = (result as { outcomes?: unknown }).outcomes;
  if (!Array.isArray(outcomes) || outcomes.length === 0) return undefined;
  return outcomes.every(isItemOutcome) ? outcomes : undefined;
}

function isItemOutcome(value: unknown): value is ItemOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const { item, outcome, detail } = value as Record<string, unknown>;
  return (
    typeof item === 'string' &&
    typeof outcome === 'string' &&
    (detail === undefined || typeof detail === 'string')
  );
}
