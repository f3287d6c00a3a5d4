import type { ConsoDatabase } from '@hangar/conso-db';
import { type ExpressionBuilder, sql } from 'kysely';

/**
 * Values of `consolidated_data.step`. Bundles, formulas (what the `before_consolidation` formulas
 * add to a bundle) and adjustments hold each company's data at 100% in group currency; the `elims.*` rows are the Elims postings, so the sum of every row of a conso is
 * its consolidated trial balance. Adjustment and IC rows carry the journal or rule id after `#`,
 * so each row can be traced to what produced it.
 */
export const STEP_NAMES = {
  bundles: 'bundles',
  formulas: 'formulas',
  adjustmentsPrefix: 'adjustments#',
  integration: 'elims.integration',
  icPrefix: 'elims.ic#',
  dividends: 'elims.dividends',
  equity: 'elims.equity',
} as const;

/** Step value of the rows of one adjustment journal. */
export function adjustmentStep(journalId: number): string {
  return `${STEP_NAMES.adjustmentsPrefix}${journalId}`;
}

/** Step value of the rows of one IC rule. */
export function icStep(ruleId: number): string {
  return `${STEP_NAMES.icPrefix}${ruleId}`;
}

/** The id after `#` in a step value, or undefined. */
export function stepRef(step: string): number | undefined {
  const hash = step.indexOf('#');
  if (hash < 0) return undefined;
  const id = Number(step.slice(hash + 1));
  return Number.isInteger(id) ? id : undefined;
}

/** The job steps whose output rows can be replaced. */
export type OutputStep = 'bundles' | 'formulas' | 'adjustments' | 'elims';

type Builder = ExpressionBuilder<ConsoDatabase, 'consolidated_data'>;

/** Filter on `consolidated_data` rows of one job step. */
export function stepFilter(step: OutputStep) {
  return (eb: Builder) => {
    switch (step) {
      case 'bundles':
        return eb('step', '=', STEP_NAMES.bundles);
      case 'formulas':
        return eb('step', '=', STEP_NAMES.formulas);
      case 'adjustments':
        return eb('step', 'like', `${STEP_NAMES.adjustmentsPrefix}%`);
      case 'elims':
        return eb('step', 'like', 'elims.%');
    }
  };
}

/** Filter on the rows holding company data at 100% (what Elims reads): bundles, formulas, adjustments. */
export function companyDataFilter() {
  return (eb: Builder) =>
    eb.or([
      eb('step', 'in', [STEP_NAMES.bundles, STEP_NAMES.formulas]),
      eb('step', 'like', `${STEP_NAMES.adjustmentsPrefix}%`),
    ]);
}

/** The same filter as {@link companyDataFilter} as raw SQL on an aliased `consolidated_data`. */
export function companyDataSql(alias: string) {
  const step = sql.ref(`${alias}.step`);
  return sql<boolean>`(${step} in (${STEP_NAMES.bundles}, ${STEP_NAMES.formulas}) or ${step} like ${`${STEP_NAMES.adjustmentsPrefix}%`})`;
}
