import { HangarError } from '@hangar/core';

/**
 * A schedule of this name exists and belongs to another customer (or to no customer): names are
 * unique across the queue, so the caller has to choose another. Which owner is never said.
 */
export class ScheduleNameTakenError extends HangarError {
  constructor(name: string) {
    super('SCHEDULE_NAME_TAKEN', 'hangar.http.scheduleNameTaken', `The schedule name "${name}" is taken`, {
      params: { name },
      retryable: false,
    });
  }
}
