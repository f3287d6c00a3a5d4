import { bulkInsert } from '../bulk-insert.js';
import { SAMPLE_ACCOUNT_CODES } from './chart-of-accounts.js';
import { streamOf } from './prng.js';
import type { SampleContext } from './sample-context.js';

/** Writes closing and average rates of both periods, for ACT and BUD alike. */
export async function writeExchangeRates(ctx: SampleContext): Promise<void> {
  const rows = [];
  for (const [periodId, table] of [
    [ctx.periodIds.prior, ctx.rates.prior],
    [ctx.periodIds.current, ctx.rates.current],
  ] as const) {
    for (const categoryId of ctx.categoryIds.values()) {
      for (const [currency, rate] of table) {
        rows.push({
          period_id: periodId,
          category_id: categoryId,
          currency,
          closing_rate: rate.closing,
          average_rate: rate.average,
        });
      }
    }
  }
  await bulkInsert(ctx.db, 'exchange_rates', rows);
}

/**
 * Writes historical rates of the equity of every non-EUR company: share capital at the rate of
 * its (long past) issue, retained earnings as the group-currency amount carried from past closings.
 */
export async function writeHistoricalRates(
  ctx: SampleContext,
  retainedEarningsCents: ReadonlyMap<number, number>,
): Promise<void> {
  const shareCapital = ctx.accountIds.get(SAMPLE_ACCOUNT_CODES.shareCapital)!;
  const retained = ctx.accountIds.get(SAMPLE_ACCOUNT_CODES.retainedEarnings)!;
  const rows = ctx.structure.companies
    .filter((c) => c.currency !== 'EUR')
    .flatMap((c) => {
      const prng = streamOf(ctx.seed, 'historical', c.index);
      const prior = ctx.rates.prior.get(c.currency)!.closing;
      const issueRate = Math.round(prior * (0.85 + prng.next() * 0.3) * 1e6) / 1e6;
      const carriedRate = prior * (0.95 + prng.next() * 0.1);
      const cents = retainedEarningsCents.get(c.index) ?? 0;
      const base = { conso_id: ctx.consoId, company_id: ctx.companyIds[c.index]! };
      return [
        { ...base, account_id: shareCapital, rate: issueRate, amount_gc: null },
        { ...base, account_id: retained, rate: null, amount_gc: Math.round(cents * carriedRate) / 100 },
      ];
    });
  await bulkInsert(ctx.db, 'historical_rates', rows);
}
