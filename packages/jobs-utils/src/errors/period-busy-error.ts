import { HangarError } from '@hangar/core';

/** A period cannot be closed while a consolidation or import into it is queued or running. */
export class PeriodBusyError extends HangarError {
  constructor(period: string, conso: string, jobId: string, jobType: string) {
    super(
      'UTILS_PERIOD_BUSY',
      'utils.error.periodBusy',
      `Period ${period} cannot be closed: job ${jobId} (${jobType}) on ${conso} is queued or running`,
      // Worth retrying once the other job has ended.
      { params: { period, conso, jobId, jobType }, retryable: true },
    );
  }
}
