import type { JobRecord, QueueAdapter } from '@hangar/core';

/** Job types that write into a period: consolidations and imports. */
export function writesIntoPeriods(type: string): boolean {
  return (
    type.startsWith('conso.') ||
    type.startsWith('importexport.import-') ||
    type === 'importexport.generic-import'
  );
}

/** What identifies the period in a job's params. */
export interface PeriodRefs {
  readonly customerCode: string;
  readonly periodId: number;
  readonly periodCode: string;
  /** The period's consos, by id and code. */
  readonly consos: readonly { readonly id: number; readonly code: string }[];
}

const refsIn = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** The conso (or the period itself) of `refs` that a job's params name, if any. */
function namedTarget(job: JobRecord, refs: PeriodRefs): string | undefined {
  const params = (job.params ?? {}) as Record<string, unknown>;
  for (const ref of [...refsIn(params.conso), ...refsIn(params.consos)]) {
    const conso = refs.consos.find((c) => c.id === ref || c.code === ref);
    if (conso) return conso.code;
  }
  if (params.period === refs.periodCode || params.period === refs.periodId) return refs.periodCode;
  return undefined;
}

/**
 * The first consolidation or import of the customer that is queued or running on the period (its
 * conso, or the period by code or id), read from the queue: the customer's own jobs, and system
 * jobs whose `customer` param names it.
 */
export async function findBusyJob(
  queue: QueueAdapter,
  refs: PeriodRefs,
  checkpoint: () => void,
): Promise<{ job: JobRecord; target: string } | undefined> {
  let cursor: string | undefined;
  do {
    checkpoint();
    const page = await queue.list({ states: ['Enqueued', 'Processing'], limit: 1_000, cursor });
    for (const job of page.items) {
      if (!writesIntoPeriods(job.type)) continue;
      const owner = job.customerId ?? (job.params as { customer?: unknown } | undefined)?.customer;
      if (owner !== refs.customerCode) continue;
      const target = namedTarget(job, refs);
      if (target !== undefined) return { job, target };
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return undefined;
}
