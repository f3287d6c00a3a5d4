/** Tables whose rows code→id lookups can resolve. */
export type LookupTable =
  | 'companies'
  | 'accounts'
  | 'flows'
  | 'categories'
  | 'periods'
  | 'consos'
  | 'currencies';

/** Value type of a column the generic import can fill. */
export type GenericColumnType = 'id' | 'integer' | 'number' | 'text' | 'date';

/** A column of an allow-listed table. */
export interface GenericColumn {
  readonly type: GenericColumnType;
  /** May be left unmapped or empty. */
  readonly nullable?: boolean;
  /** For `id` columns (and currency codes): the table codes are looked up in. */
  readonly ref?: LookupTable;
}

/** An allow-listed target table of the generic import and export. */
export interface GenericTable {
  readonly columns: Readonly<Record<string, GenericColumn>>;
  /** Natural key (merge matches on it; must be unique in a file). */
  readonly key: readonly string[];
  /** Columns whose combinations in a file define what replace mode deletes. */
  readonly replaceScope: readonly string[];
  /** How the table belongs to a customer: its own `customer_id`, or through a column's referenced rows. */
  readonly tenancy:
    | { readonly customerColumn: string }
    | { readonly via: string; readonly table: 'companies' | 'periods' | 'consos' }
    | 'shared';
}

/**
 * The tables the generic import and export may touch, and nothing else: mapping profiles are
 * user-edited, so the table and column names they carry are checked against this list before any
 * SQL is built from them.
 */
export const GENERIC_TABLES: Readonly<Record<string, GenericTable>> = {
  bundles: {
    columns: {
      company_id: { type: 'id', ref: 'companies' },
      period_id: { type: 'id', ref: 'periods' },
      category_id: { type: 'id', ref: 'categories' },
      account_id: { type: 'id', ref: 'accounts' },
      partner_company_id: { type: 'id', ref: 'companies', nullable: true },
      flow_id: { type: 'id', ref: 'flows', nullable: true },
      dimension: { type: 'text', nullable: true },
      amount: { type: 'number' },
    },
    key: [
      'company_id',
      'period_id',
      'category_id',
      'account_id',
      'partner_company_id',
      'flow_id',
      'dimension',
    ],
    replaceScope: ['period_id', 'category_id', 'company_id'],
    tenancy: { via: 'company_id', table: 'companies' },
  },
  exchange_rates: {
    columns: {
      period_id: { type: 'id', ref: 'periods' },
      category_id: { type: 'id', ref: 'categories' },
      currency: { type: 'text', ref: 'currencies' },
      closing_rate: { type: 'number' },
      average_rate: { type: 'number' },
    },
    key: ['period_id', 'category_id', 'currency'],
    replaceScope: ['period_id', 'category_id'],
    tenancy: { via: 'period_id', table: 'periods' },
  },
  historical_rates: {
    columns: {
      conso_id: { type: 'id', ref: 'consos' },
      company_id: { type: 'id', ref: 'companies' },
      account_id: { type: 'id', ref: 'accounts' },
      rate: { type: 'number', nullable: true },
      amount_gc: { type: 'number', nullable: true },
    },
    key: ['conso_id', 'company_id', 'account_id'],
    replaceScope: ['conso_id', 'company_id'],
    tenancy: { via: 'conso_id', table: 'consos' },
  },
  periods: {
    columns: {
      code: { type: 'text' },
      year: { type: 'integer' },
      month: { type: 'integer' },
      start_date: { type: 'date' },
      end_date: { type: 'date' },
    },
    key: ['code'],
    replaceScope: [],
    tenancy: { customerColumn: 'customer_id' },
  },
  companies: {
    columns: {
      code: { type: 'text' },
      name: { type: 'text' },
      currency: { type: 'text', ref: 'currencies' },
      country: { type: 'text', nullable: true },
    },
    key: ['code'],
    replaceScope: [],
    tenancy: { customerColumn: 'customer_id' },
  },
  translations: {
    columns: { key: { type: 'text' }, language: { type: 'text' }, text: { type: 'text' } },
    key: ['key', 'language'],
    replaceScope: ['language'],
    tenancy: 'shared',
  },
};
