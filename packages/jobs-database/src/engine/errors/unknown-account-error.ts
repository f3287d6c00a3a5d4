import { EngineError } from './engine-error.js';

/** A data line names an account that the chart of accounts does not define. */
export class UnknownAccountError extends EngineError {
  constructor(account: string, context: string) {
    super('UNKNOWN_ACCOUNT', `Unknown account ${account} (${context})`, { account, context });
  }
}
