import { HangarError } from '@hangar/core';

/**
 * The period is closed (`ClosePeriodJob`): its data is final, so imports and consolidations into it
 * are refused until an administrator reopens it. Names the period, who closed it and when.
 */
export class PeriodClosedError extends HangarError {
  constructor(period: string, closedBy: string, closedAt: string) {
    super(
      'PERIOD_CLOSED',
      'hangar.consoDb.error.periodClosed',
      `Period ${period} is closed (by ${closedBy} at ${closedAt}); reopen it to change its data`,
      { params: { period, closedBy, closedAt }, retryable: false },
    );
  }
}
