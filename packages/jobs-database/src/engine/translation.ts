import type { AccountChart } from './accounts.js';
import { isZeroAmount, sumAmounts } from './amounts.js';
import { MissingRateError } from './errors/missing-rate-error.js';
import type { CurrencyRates, DataLine, HistoricalTranslation, LineInput } from './run-types.js';

/** How to translate the lines of one company. */
export interface TranslationContext {
  /** Chart of accounts (rate types and roles). */
  readonly chart: AccountChart;
  /** Group currency. */
  readonly groupCurrency: string;
  /** The company's currency. */
  readonly currency: string;
  /** Rates of the company's currency. */
  readonly rates: CurrencyRates | undefined;
  /** Historical rates or carried amounts of the company's HC accounts. */
  readonly historical: Readonly<Record<string, HistoricalTranslation>>;
  /** The account that takes the CTA plug. */
  readonly ctaAccount: string;
}

/** Translated lines plus the CTA plug that makes them balance. */
export interface TranslationResult {
  /** Translated lines, in input order, without the plug. */
  readonly lines: DataLine[];
  /** The CTA plug (−Σ translated lines); 0 for a company already in group currency. */
  readonly cta: number;
  /** Whether the lines were actually converted (the company is not in group currency). */
  readonly foreign: boolean;
}

/**
 * Translates a company's lines into group currency by each account's rate type and computes the
 * CTA plug. Carried group-currency amounts of HC accounts apply to bundles only: an adjustment
 * journal is a movement of the period, so it uses the historical rate (or closing when none).
 */
export function translateLines(
  company: string,
  lines: readonly LineInput[],
  context: TranslationContext,
  useCarriedAmounts: boolean,
): TranslationResult {
  for (const line of lines) context.chart.get(line.account, `data of ${company}`);
  const foreign = context.currency !== context.groupCurrency;
  if (!foreign) {
    const same = lines.map(({ rate: _rate, amountGc: _amountGc, ...line }) => ({ ...line, company }));
    return { lines: same, cta: 0, foreign };
  }
  // The CTA account is never translated: its balance is whatever makes the bundle balance.
  const translatable = lines.filter((line) => line.account !== context.ctaAccount);
  const carried = useCarriedAmounts ? carriedAmounts(translatable, context) : new Map<number, number>();
  const translated = translatable.map((line, i) => {
    const { rate, amountGc, ...rest } = line;
    const fixed = amountGc ?? carried.get(i);
    const amount = fixed ?? line.amount * (rate ?? rateFor(line.account, context));
    return { ...rest, company, amount };
  });
  const cta = -sumAmounts(translated.map((l) => l.amount));
  return { lines: translated, cta, foreign };
}

/** The rate of an account under its rate type (NR is already group currency). */
function rateFor(account: string, context: TranslationContext): number {
  const definition = context.chart.get(account, 'translation');
  const rateType = definition.rate ?? defaultRateType(definition.type);
  switch (rateType) {
    case 'NR':
      return 1;
    case 'AC':
      return required(context, 'average');
    case 'HC':
      // Without a historical rate the balance is carried at the closing rate.
      return context.historical[account]?.rate ?? required(context, 'closing');
    default:
      return required(context, 'closing');
  }
}

function defaultRateType(type: string): 'CC' | 'AC' | 'HC' {
  if (type === 'PL') return 'AC';
  if (type === 'EQ') return 'HC';
  return 'CC';
}

function required(context: TranslationContext, kind: 'closing' | 'average'): number {
  const rate = context.rates?.[kind];
  if (rate === undefined) throw new MissingRateError(context.currency, kind);
  return rate;
}

/**
 * Carried group-currency amounts spread over the lines of their account, pro rata to the local
 * amounts (all on the first line when the local amounts net to zero). Keyed by line index.
 */
function carriedAmounts(lines: readonly LineInput[], context: TranslationContext): Map<number, number> {
  const result = new Map<number, number>();
  const byAccount = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const amountGc = context.historical[line.account]?.amountGc;
    if (amountGc === undefined || line.rate !== undefined || line.amountGc !== undefined) return;
    const rateType = context.chart.get(line.account, 'translation').rate;
    if (rateType !== undefined && rateType !== 'HC') return;
    const list = byAccount.get(line.account) ?? [];
    list.push(i);
    byAccount.set(line.account, list);
  });
  for (const [account, indices] of byAccount) {
    const total = context.historical[account]?.amountGc ?? 0;
    const localTotal = sumAmounts(indices.map((i) => (lines[i] as LineInput).amount));
    indices.forEach((i, position) => {
      const local = (lines[i] as LineInput).amount;
      const share = isZeroAmount(localTotal) ? (position === 0 ? 1 : 0) : local / localTotal;
      result.set(i, total * share);
    });
  }
  return result;
}
