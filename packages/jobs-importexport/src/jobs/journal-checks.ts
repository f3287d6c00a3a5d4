import type { RowFields } from '../read/row-fields.js';
import { BalanceTracker } from '../validate/balance-tracker.js';
import type { RowErrorCollector } from '../validate/row-error-collector.js';

interface JournalHead {
  description: string;
  company: string;
  currency: string;
}

/**
 * Checks journals while their lines stream: the journal fields repeated on each line must agree
 * with its first line, and every journal must sum to zero in its own currency.
 */
export class JournalChecks {
  private readonly heads = new Map<string, JournalHead>();
  private readonly balances = new BalanceTracker();

  /** Checks one line's journal fields and adds its amount. */
  line(fields: RowFields, journal: string, head: JournalHead, amount: number): void {
    const first = this.heads.get(journal);
    if (!first) this.heads.set(journal, head);
    else {
      for (const column of ['description', 'company', 'currency'] as const) {
        if (first[column] !== head[column]) {
          fields.fail({ column, problem: 'inconsistent', value: head[column], params: { group: journal } });
        }
      }
    }
    if (!fields.failed) this.balances.add(journal, fields.source.row, amount);
  }

  /** Reports unbalanced journals. */
  report(errors: RowErrorCollector, sheet?: string): void {
    this.balances.report(errors, 'amount', 'journal', sheet);
  }
}
