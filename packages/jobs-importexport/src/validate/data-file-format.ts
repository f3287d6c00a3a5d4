/** Columns of a data (bundle) file, in the order exports write them. */
export const DATA_COLUMNS = ['company', 'account', 'partner', 'flow', 'dimension', 'amount'] as const;

/** Columns a data file must have; `partner`, `flow` and `dimension` may be left out. */
export const DATA_REQUIRED_COLUMNS = ['company', 'account', 'amount'] as const;

/** Longest dimension code the database keeps. */
export const MAX_DIMENSION_LENGTH = 50;

/** Amounts are compared in integer cents so a balance check is exact whatever the float sums. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}
