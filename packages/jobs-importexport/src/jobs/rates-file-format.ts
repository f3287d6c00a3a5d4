import type { TargetColumn } from '../apply/apply-target.js';
import type { StagingColumn } from '../stage/staging-table.js';

/** Columns of an exchange-rate file. */
export const EXCHANGE_RATE_COLUMNS = [
  'period',
  'category',
  'currency',
  'closing_rate',
  'average_rate',
] as const;

/** Columns of a historical-rate file (one conso); each row has a rate or a carried group-currency amount. */
export const HISTORICAL_RATE_COLUMNS = ['company', 'account', 'rate', 'amount_gc'] as const;

/** Largest rate accepted: beyond it a value is far more likely a typo than a currency. */
export const MAX_RATE = 1e9;

/** Staging and target columns of exchange rates. */
export const EXCHANGE_RATE_STAGING: readonly StagingColumn[] = [
  { name: 'period_id', type: 'integer' },
  { name: 'category_id', type: 'integer' },
  { name: 'currency', type: 'text' },
  { name: 'closing_rate', type: 'amount' },
  { name: 'average_rate', type: 'amount' },
];

/** Exchange-rate columns written. */
export const EXCHANGE_RATE_TARGET: readonly TargetColumn[] = EXCHANGE_RATE_STAGING.map((column) => ({
  name: column.name,
}));

/** Staging columns of historical rates. */
export const HISTORICAL_RATE_STAGING: readonly StagingColumn[] = [
  { name: 'company_id', type: 'integer' },
  { name: 'account_id', type: 'integer' },
  { name: 'rate', type: 'amount' },
  { name: 'amount_gc', type: 'amount' },
];

/** Historical-rate columns written. */
export const HISTORICAL_RATE_TARGET: readonly TargetColumn[] = [
  { name: 'company_id' },
  { name: 'account_id' },
  { name: 'rate', nullable: true },
  { name: 'amount_gc', nullable: true },
];
