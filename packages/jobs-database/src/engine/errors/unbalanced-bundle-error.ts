import { EngineError } from './engine-error.js';

/** A company's local-currency bundle does not sum to zero. */
export class UnbalancedBundleError extends EngineError {
  constructor(company: string, total: number) {
    super('BUNDLE_UNBALANCED', `Bundle of ${company} does not balance: lines sum to ${total}`, {
      company,
      total,
    });
  }
}
