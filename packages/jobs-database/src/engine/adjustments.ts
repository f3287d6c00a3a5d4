import { isZeroAmount, sumAmounts } from './amounts.js';
import { UnbalancedJournalError } from './errors/unbalanced-journal-error.js';
import type { AdjustmentJournal, DataLine } from './run-types.js';
import { type TranslationContext, translateLines } from './translation.js';

/** An adjustment journal in group currency. */
export interface TranslatedJournal {
  /** The journal as given. */
  readonly journal: AdjustmentJournal;
  /** Its lines in group currency, without the CTA plug. */
  readonly lines: DataLine[];
  /** The journal's own CTA plug line, for a local-currency journal of a foreign company. */
  readonly plug?: DataLine;
}

/**
 * Checks that a journal balances in its own currency, then brings it into group currency.
 * A local-currency journal is translated like a bundle and gets its own CTA plug, so a
 * depreciation booked at the average rate against an asset at the closing rate stays balanced.
 */
export function translateJournal(journal: AdjustmentJournal, context: TranslationContext): TranslatedJournal {
  const total = sumAmounts(journal.lines.map((l) => l.amount));
  if (!isZeroAmount(total)) throw new UnbalancedJournalError(journal.journal, journal.company, total);
  for (const line of journal.lines) context.chart.get(line.account, `journal ${journal.journal}`);
  if (journal.currency === 'group') {
    const lines = journal.lines.map(({ rate: _rate, amountGc: _amountGc, ...l }) => ({
      ...l,
      company: journal.company,
    }));
    return { journal, lines };
  }
  const translated = translateLines(journal.company, journal.lines, context, false);
  if (!translated.foreign) return { journal, lines: translated.lines };
  const plug = { company: journal.company, account: context.ctaAccount, amount: translated.cta };
  return { journal, lines: translated.lines, plug };
}
