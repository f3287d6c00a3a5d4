import { eliminateDividends } from './dividend-eliminations.js';
import { type ElimsContext, integrationFactor } from './elims-context.js';
import { eliminateEquity } from './equity-eliminations.js';
import { eliminateIntercompany } from './ic-eliminations.js';
import type { ConsolidatedLine, IcEliminationEntry } from './run-types.js';

/** Everything Elims produces. */
export interface EliminationResult {
  /** (a) company data at its integration factor (G 100%, P k, E and N left out). */
  readonly integrated: ConsolidatedLine[];
  /** (b) intercompany entries as reported per rule. */
  readonly icEntries: IcEliminationEntry[];
  /** (b) intercompany postings as lines. */
  readonly icLines: ConsolidatedLine[];
  /** (c) intra-group dividend postings. */
  readonly dividendLines: ConsolidatedLine[];
  /** (d) participation and equity postings. */
  readonly equityLines: ConsolidatedLine[];
}

/**
 * Elims in the spec's order: integration by method, intercompany, dividends, then participations
 * and equity. Sub-steps (b)–(d) read the 100% adjusted data, not the integrated lines, because
 * their formulas carry the percentages themselves.
 */
export function runEliminations(context: ElimsContext): EliminationResult {
  const integrated: ConsolidatedLine[] = [];
  for (const company of context.companies) {
    const factor = integrationFactor(company.percentages);
    if (factor === 0) continue;
    for (const line of context.data.get(company.code) ?? []) {
      integrated.push(factor === 1 ? line : { ...line, amount: factor * line.amount });
    }
  }
  const ic = eliminateIntercompany(context);
  return {
    integrated,
    icEntries: ic.entries,
    icLines: ic.lines,
    dividendLines: eliminateDividends(context),
    equityLines: eliminateEquity(context),
  };
}
