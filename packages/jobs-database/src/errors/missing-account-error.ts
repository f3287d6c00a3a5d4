import { ConsoError } from './conso-error.js';

/** The engine posts to an account code the customer's chart of accounts does not contain. */
export class MissingAccountError extends ConsoError {
  constructor(account: string, conso: string) {
    super(
      'ACCOUNT_MISSING',
      'conso.error.accountMissing',
      `Account ${account} is needed by conso ${conso} but is not in the chart of accounts`,
      { account, conso },
    );
  }
}
