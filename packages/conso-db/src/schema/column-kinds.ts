// Value domains shared by several tables. Each `*_VALUES` array is the single source for both the
// TypeScript union and the CHECK constraint the migrations create, so the two cannot drift.

/** A boolean stored as 0/1 in a SMALLINT: better-sqlite3 cannot bind JS booleans and tedious reads BIT as boolean. */
export type Flag = 0 | 1;

/**
 * An ISO-8601 UTC timestamp string (`2024-01-31T12:00:00.000Z`). Stored as text on every dialect so
 * it reads back identically (pg and tedious would otherwise return `Date`, SQLite a string).
 */
export type IsoTimestamp = string;

/** A calendar date `YYYY-MM-DD`, stored as text for the same reason as {@link IsoTimestamp}. */
export type IsoDate = string;

/** Account types: balance sheet, equity, profit and loss. */
export const ACCOUNT_TYPE_VALUES = ['BS', 'EQ', 'PL'] as const;
/** Account type: balance sheet, equity, or profit and loss. */
export type AccountType = (typeof ACCOUNT_TYPE_VALUES)[number];

/** Translation rate types: closing, average, historical, not translated. */
export const RATE_TYPE_VALUES = ['CC', 'AC', 'HC', 'NR'] as const;
/** Which exchange rate translates an account: closing, average, historical, or none. */
export type RateType = (typeof RATE_TYPE_VALUES)[number];

/** Special roles the consolidation engine looks accounts up by. */
export const ACCOUNT_ROLE_VALUES = [
  'investment',
  'ic',
  'dividend_income',
  'cta',
  'goodwill',
  'conso_reserves',
  'nci',
  'nci_result',
  'equity_value',
  'share_of_result_equity_method',
  'ic_difference',
  'retained_earnings',
] as const;
/** Special role of an account, e.g. `cta` for the cumulative translation adjustment. */
export type AccountRole = (typeof ACCOUNT_ROLE_VALUES)[number];

/** Flow kinds of the balance-sheet movement analysis. */
export const FLOW_KIND_VALUES = ['opening', 'movement', 'closing', 'translation_diff'] as const;
/** Kind of a flow: opening balance, movement, closing balance, or translation difference. */
export type FlowKind = (typeof FLOW_KIND_VALUES)[number];

/** Consolidation methods: global (full), proportional, equity, not consolidated. */
export const CONSOLIDATION_METHOD_VALUES = ['G', 'P', 'E', 'N'] as const;
/** Consolidation method of a company in a conso: G full, P proportional, E equity, N none. */
export type ConsolidationMethod = (typeof CONSOLIDATION_METHOD_VALUES)[number];

/** How a category link carries data from one conso to another. */
export const CATEGORY_LINK_MODE_VALUES = ['closing_to_opening', 'copy'] as const;
/** Mode of a category link: closing balances become openings, or a straight copy. */
export type CategoryLinkMode = (typeof CATEGORY_LINK_MODE_VALUES)[number];

/** Currency an adjustment journal is entered in. */
export const JOURNAL_CURRENCY_VALUES = ['local', 'group'] as const;
/** Whether an adjustment journal's amounts are in the company's local or the group currency. */
export type JournalCurrency = (typeof JOURNAL_CURRENCY_VALUES)[number];

/** Sides of an intercompany matching rule. */
export const IC_SIDE_VALUES = ['A', 'B'] as const;
/** Side of an intercompany rule an account belongs to. */
export type IcSide = (typeof IC_SIDE_VALUES)[number];

/** Where a consolidated amount came from. */
export const DATA_ORIGIN_VALUES = [
  'bundle',
  'adjustment',
  'translation',
  'cta',
  'elimination',
  'ic_elimination',
  'investment_elimination',
  'nci',
  'equity_method',
  'proportional',
  'formula',
] as const;
/** Origin of a consolidated amount, e.g. `bundle` or `ic_elimination`. */
export type DataOrigin = (typeof DATA_ORIGIN_VALUES)[number];

/** How a validation rule compares its two sides: equal amounts, or amounts of opposite sign. */
export const VALIDATION_OPERATOR_VALUES = ['equal', 'opposite'] as const;
/** Operator of a validation rule: `equal` (left = right) or `opposite` (left = -right). */
export type ValidationOperator = (typeof VALIDATION_OPERATOR_VALUES)[number];
