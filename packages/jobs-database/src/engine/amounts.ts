/** Amounts closer to zero than this are zero (half a cent). */
export const AMOUNT_TOLERANCE = 0.005;

/** Sum of a list of amounts. */
export function sumAmounts(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}

/** True when the amount is zero within the amount tolerance. */
export function isZeroAmount(amount: number): boolean {
  return Math.abs(amount) < AMOUNT_TOLERANCE;
}

/** Removes negative zero and float dust far below a cent so reported amounts read cleanly. */
export function cleanAmount(amount: number): number {
  const rounded = Math.round(amount * 1e9) / 1e9;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Totals per account, keeping the order in which accounts first appear. */
export function totalsByAccount(lines: Iterable<{ account: string; amount: number }>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.account, (totals.get(line.account) ?? 0) + line.amount);
  return totals;
}
