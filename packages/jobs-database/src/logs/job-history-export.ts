import type { JobRecord } from '@hangar/core';
import type { JobLister } from '../backup/backup-settings.js';
import type { CsvFile } from './csv-writer.js';
import type { LogFilter } from './log-filter.js';

/** Columns of the job history export. */
export const JOB_HISTORY_HEADER = [
  'id',
  'type',
  'state',
  'customer',
  'user',
  'created_at',
  'started_at',
  'finished_at',
  'attempts',
  'errors',
] as const;

/**
 * Writes the queue's jobs the filter selects (customer, user and log group — a job's log group is
 * its id — asked of the queue where it can filter, the period checked here) to `file`, page by page.
 */
export async function exportJobHistory(
  lister: JobLister,
  filter: LogFilter,
  file: CsvFile,
  checkpoint: () => void,
): Promise<number> {
  let cursor: string | undefined;
  let written = 0;
  do {
    checkpoint();
    const page = await lister.list({
      ...(filter.customerCode === undefined ? {} : { customerId: filter.customerCode }),
      ...(filter.user === undefined ? {} : { userId: filter.user }),
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const job of page.items.filter((item) => selected(item, filter))) {
      await file.write([
        job.id,
        job.type,
        job.state,
        job.customerId,
        job.userId,
        job.createdAt.toISOString(),
        job.startedAt?.toISOString(),
        job.finishedAt?.toISOString(),
        job.attempts,
        (job.errorInfo ?? []).map((entry) => entry.code).join(' '),
      ]);
      written += 1;
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return written;
}

function selected(job: JobRecord, filter: LogFilter): boolean {
  const created = job.createdAt.toISOString();
  if (filter.from !== undefined && created < filter.from) return false;
  if (filter.to !== undefined && created >= filter.to) return false;
  return filter.logGroup === undefined || job.id === filter.logGroup;
}
