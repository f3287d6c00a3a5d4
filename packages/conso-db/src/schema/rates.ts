import type { Generated } from 'kysely';

/**
 * `exchange_rates`: closing and average rates of a currency for a period and category. A rate is
 * the value of 1 unit of `currency` in the customer's reference currency; cross rates derive from it.
 */
export interface ExchangeRatesTable {
  id: Generated<number>;
  period_id: number;
  category_id: number;
  currency: string;
  closing_rate: number;
  average_rate: number;
}

/**
 * `historical_rates`: how an HC (historical rate) account of a company is translated in a conso:
 * either a `rate`, or the group-currency amount carried from the past (`amount_gc`). One is set.
 */
export interface HistoricalRatesTable {
  id: Generated<number>;
  conso_id: number;
  company_id: number;
  account_id: number;
  rate: number | null;
  amount_gc: number | null;
}
