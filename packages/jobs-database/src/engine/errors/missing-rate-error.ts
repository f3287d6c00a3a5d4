import { EngineError } from './engine-error.js';

/** A foreign-currency company needs an exchange rate that the input does not give. */
export class MissingRateError extends EngineError {
  constructor(currency: string, rateKind: string) {
    super('MISSING_RATE', `No ${rateKind} rate for currency ${currency}`, { currency, rateKind });
  }
}
