import { HangarError } from './hangar-error.js';

/** No recurring schedule has this name (or the caller may not see it). */
export class ScheduleNotFoundError extends HangarError {
  constructor(name: string) {
    super('SCHEDULE_NOT_FOUND', 'hangar.error.scheduleNotFound', `No schedule named "${name}"`, {
      params: { name },
      retryable: false,
    });
  }
}
