import { ConsoError } from './conso-error.js';

/** The conso is locked by a user, so nothing may change its data. */
export class ConsoLockedError extends ConsoError {
  constructor(conso: string, lockedBy: string, lockedAt: string) {
    super(
      'CONSO_LOCKED',
      'conso.error.consoLocked',
      `Conso ${conso} is locked by ${lockedBy} since ${lockedAt}`,
      { conso, lockedBy, lockedAt },
    );
  }
}
