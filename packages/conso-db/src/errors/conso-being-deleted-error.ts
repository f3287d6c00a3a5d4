import { HangarError } from '@hangar/core';

/**
 * The conso is being deleted (its deletion started and has not finished): its data may be half
 * gone, so no job may use it. Running the deletion again finishes it.
 */
export class ConsoBeingDeletedError extends HangarError {
  constructor(conso: string, since: string) {
    super(
      'CONSO_BEING_DELETED',
      'hangar.consoDb.error.consoBeingDeleted',
      `Conso ${conso} is being deleted (since ${since})`,
      { params: { conso, since }, retryable: false },
    );
  }
}
