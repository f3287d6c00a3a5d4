import { createServiceToken, type JobRecord } from '@hangar/core';

/**
 * Where a job reads another job's record (its tenant and output files), e.g. to attach a report
 * another job produced. A queue adapter or a runner's client fits as it is:
 * `{ token: jobRecordsToken, value: queue }`.
 */
export interface JobRecordSource {
  /** The job's record, or undefined when there is none. */
  get(jobId: string): Promise<JobRecord | undefined>;
}

/** Service token of the {@link JobRecordSource} the host registers. */
export const jobRecordsToken = createServiceToken<JobRecordSource>('hangar.job-records');
