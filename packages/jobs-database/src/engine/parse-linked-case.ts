import type { CaseReader } from './case-reader.js';
import type { LinkedCategoryInput } from './linked-categories.js';
import { parseChart, parseLines } from './parse-run-case.js';

/** Modes of a category link the engine implements. */
const SUPPORTED_MODES = ['closing_to_opening'] as const;

/** Reads the input of a LinkedCategories case. */
export function parseLinkedInput(input: CaseReader): LinkedCategoryInput & { readonly openingFlow: string } {
  const link = input.field('link');
  link.field('mode').oneOf(SUPPORTED_MODES);
  const sourceData: Record<string, ReturnType<typeof parseLines>> = {};
  for (const [company, lines] of input.field('source_data').entries())
    sourceData[company] = parseLines(lines);
  const closingFlow = link.field('closing_flow').optionalString();
  return {
    chart: parseChart(input.field('accounts')),
    retainedEarningsAccount:
      link.fieldOf('retained_earnings_account', 'result_account').optionalString() ??
      input.field('retained_earnings_account').string(),
    openingFlow: link.field('opening_flow').optionalString() ?? 'F00',
    sourceData,
    ...(closingFlow === undefined ? {} : { closingFlow }),
  };
}
