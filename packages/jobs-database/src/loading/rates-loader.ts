import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { CurrencyRates, HistoricalTranslation } from '../engine/index.js';
import type { LoadedChart } from './chart-loader.js';
import type { MasterCodes } from './master-codes-loader.js';

/** Rates of a conso, already expressed in group-currency units per local unit. */
export interface LoadedRates {
  /** Closing and average rate per currency for the conso's period and category. */
  readonly rates: Record<string, CurrencyRates>;
  /** Closing rate of the previous period per currency: the opening rate of flow translation. */
  readonly openingRates: Record<string, number>;
  /** Historical rate or carried group-currency amount per company and account. */
  readonly historical: Record<string, Record<string, HistoricalTranslation>>;
}

interface RateRow {
  readonly currency: string;
  readonly closing_rate: number;
  readonly average_rate: number;
}

/**
 * Loads the conso's rates. Stored rates are quoted against the customer's reference currency, so
 * each is divided by the group currency's own rate (a cross rate); the reference currency itself,
 * which has no row, counts as 1.
 */
export async function loadRates(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  chart: LoadedChart,
  codes: MasterCodes,
): Promise<LoadedRates> {
  const current = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'closing_rate', 'average_rate'])
    .where('period_id', '=', conso.period_id)
    .where('category_id', '=', conso.category_id)
    .execute();
  const rates: Record<string, CurrencyRates> = {};
  const group = current.find((r) => r.currency === conso.group_currency);
  for (const row of current) {
    rates[row.currency] = {
      closing: cross(row.closing_rate, group?.closing_rate),
      average: cross(row.average_rate, group?.average_rate),
    };
  }
  const openingRates: Record<string, number> = {};
  const prior = await priorPeriodRates(db, conso);
  const priorGroup = prior.find((r) => r.currency === conso.group_currency);
  for (const row of prior) openingRates[row.currency] = cross(row.closing_rate, priorGroup?.closing_rate);
  return { rates, openingRates, historical: await loadHistorical(db, conso, chart, codes) };
}

function cross(rate: number, groupRate: number | undefined): number {
  const base = groupRate === undefined || Number(groupRate) === 0 ? 1 : Number(groupRate);
  return Number(rate) / base;
}

/** Closing rates of the latest earlier period of the customer that has rates in the conso's category. */
async function priorPeriodRates(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<RateRow[]> {
  const period = await db
    .selectFrom('periods')
    .select(['customer_id', 'year', 'month'])
    .where('id', '=', conso.period_id)
    .executeTakeFirst();
  if (period === undefined) return [];
  const earlier = await db
    .selectFrom('periods as p')
    .innerJoin('exchange_rates as r', 'r.period_id', 'p.id')
    .select(['p.id', 'p.year', 'p.month'])
    .where('p.customer_id', '=', period.customer_id)
    .where('r.category_id', '=', conso.category_id)
    .where((eb) =>
      eb.or([
        eb('p.year', '<', period.year),
        eb.and([eb('p.year', '=', period.year), eb('p.month', '<', period.month)]),
      ]),
    )
    .orderBy('p.year', 'desc')
    .orderBy('p.month', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (earlier === undefined) return [];
  return db
    .selectFrom('exchange_rates')
    .select(['currency', 'closing_rate', 'average_rate'])
    .where('period_id', '=', earlier.id)
    .where('category_id', '=', conso.category_id)
    .execute();
}

async function loadHistorical(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  chart: LoadedChart,
  codes: MasterCodes,
): Promise<Record<string, Record<string, HistoricalTranslation>>> {
  const rows = await db
    .selectFrom('historical_rates')
    .select(['company_id', 'account_id', 'rate', 'amount_gc'])
    .where('conso_id', '=', conso.id)
    .orderBy('id')
    .execute();
  const result: Record<string, Record<string, HistoricalTranslation>> = {};
  for (const row of rows) {
    const company = codes.companies.codeOf(row.company_id);
    const account = chart.accounts.codeOf(row.account_id);
    const perCompany = result[company] ?? {};
    perCompany[account] = {
      ...(row.rate === null ? {} : { rate: Number(row.rate) }),
      ...(row.amount_gc === null ? {} : { amountGc: Number(row.amount_gc) }),
    };
    result[company] = perCompany;
  }
  return result;
}
