import { HangarError } from '@hangar/core';

/**
 * A trigger of this name exists and belongs to another customer (or to no customer): names are
 * unique across the queue, so the caller has to choose another. Which owner is never said.
 */
export class TriggerNameTakenError extends HangarError {
  constructor(name: string) {
    super('TRIGGER_NAME_TAKEN', 'hangar.http.triggerNameTaken', `The trigger name "${name}" is taken`, {
      params: { name },
      retryable: false,
    });
  }
}
