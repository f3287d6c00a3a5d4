import type { AccountChart } from './accounts.js';
import type { LineInput } from './run-types.js';

/** A closing-to-opening link between two consos. */
export interface LinkedCategoryInput {
  /** Chart of accounts (types decide what is copied). */
  readonly chart: AccountChart;
  /** Account that receives the source's result. */
  readonly retainedEarningsAccount: string;
  /** Source closing data per company. */
  readonly sourceData: Readonly<Record<string, readonly LineInput[]>>;
  /** When set, only source lines of this flow count as the closing balance. */
  readonly closingFlow?: string;
}

/**
 * LinkedCategories, mode closing_to_opening: each BS and EQ account opens at its source closing
 * amount, and the source's total PL is carried into retained earnings so the opening balances.
 * The result replaces the target's opening data; PL accounts are not copied.
 */
export function closingToOpening(input: LinkedCategoryInput): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const [company, lines] of Object.entries(input.sourceData)) {
    const opening = new Map<string, number>();
    let periodResult = 0;
    for (const line of lines) {
      if (input.closingFlow !== undefined && line.flow !== undefined && line.flow !== input.closingFlow)
        continue;
      const type = input.chart.get(line.account, `source data of ${company}`).type;
      if (type === 'PL') {
        periodResult += line.amount;
        continue;
      }
      opening.set(line.account, (opening.get(line.account) ?? 0) + line.amount);
    }
    if (periodResult !== 0 || opening.has(input.retainedEarningsAccount)) {
      const re = input.retainedEarningsAccount;
      opening.set(re, (opening.get(re) ?? 0) + periodResult);
    }
    result.set(company, opening);
  }
  return result;
}
