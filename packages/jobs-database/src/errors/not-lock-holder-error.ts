import { ConsoError } from './conso-error.js';

/** An unlock by someone other than the login holding the conso's lock. */
export class NotLockHolderError extends ConsoError {
  constructor(conso: string, lockedBy: string, login: string) {
    super(
      'CONSO_NOT_LOCK_HOLDER',
      'conso.error.notLockedBy',
      `Conso ${conso} is locked by ${lockedBy}, not ${login}`,
      { conso, lockedBy, login },
    );
  }
}
