import { EngineError } from './engine-error.js';

/** An adjustment journal does not sum to zero in its own currency. */
export class UnbalancedJournalError extends EngineError {
  constructor(journal: string, company: string, total: number) {
    super('JOURNAL_UNBALANCED', `Journal ${journal} of ${company} does not balance: lines sum to ${total}`, {
      journal,
      company,
      total,
    });
  }
}
