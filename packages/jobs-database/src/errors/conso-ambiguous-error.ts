import { ConsoError } from './conso-error.js';

/** A conso code matches consos of several customers and no customer was given. */
export class ConsoAmbiguousError extends ConsoError {
  constructor(code: string, customers: number) {
    super(
      'CONSO_AMBIGUOUS',
      'conso.error.consoAmbiguous',
      `Conso code ${code} exists for ${customers} customers; pass the customer or the conso id`,
      { conso: code, customers },
    );
  }
}
