import { HangarError } from './hangar-error.js';

/** No event trigger has this name (or the caller may not see it). */
export class TriggerNotFoundError extends HangarError {
  constructor(name: string) {
    super('TRIGGER_NOT_FOUND', 'hangar.error.triggerNotFound', `No trigger named "${name}"`, {
      params: { name },
      retryable: false,
    });
  }
}
