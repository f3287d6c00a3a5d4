import type { JobRecord } from '../../queue/job-record.js';
import type { ListJobsFilter } from '../../queue/queue-adapter.js';

/**
 * Whether a job carries every label of a listing's `metadata` filter with its value; for the
 * adapters that filter listed jobs in code (memory, and Redis after its index scan).
 */
export function jobHasLabels(job: JobRecord, labels: ListJobsFilter['metadata']): boolean {
  if (labels === undefined) return true;
  for (const [key, value] of Object.entries(labels)) if (job.metadata?.[key] !== value) return false;
  return true;
}
