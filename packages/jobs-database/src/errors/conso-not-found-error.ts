import { ConsoError } from './conso-error.js';

/** A conso named by id or code does not exist (for the customer). */
export class ConsoNotFoundError extends ConsoError {
  constructor(conso: string | number) {
    super('CONSO_NOT_FOUND', 'conso.error.consoNotFound', `Conso ${conso} was not found`, {
      conso: String(conso),
    });
  }
}
