import { ConsoError } from './conso-error.js';

/** A new conso code the customer already uses; names the parameter. */
export class ConsoCodeTakenError extends ConsoError {
  constructor(param: string, code: string) {
    super(
      'CONSO_CODE_TAKEN',
      'conso.error.consoCodeTaken',
      `Parameter "${param}": conso ${code} already exists`,
      {
        param,
        code,
      },
    );
  }
}
