/** Step flags of the integration job, as in the product's ConsolidationIntegrationJob. */
export const STEP_FLAGS = {
  linkedCategories: 1,
  bundles: 2,
  adjustments: 4,
  elims: 8,
  all: 15,
} as const;

/** A step of the integration job. */
export type ConsoStep = 'linkedCategories' | 'bundles' | 'adjustments' | 'elims';

/** The steps in the order they always run. */
export const STEP_ORDER: readonly ConsoStep[] = ['linkedCategories', 'bundles', 'adjustments', 'elims'];

/** The steps a flag set selects, in run order. */
export function stepsOf(flags: number): ConsoStep[] {
  return STEP_ORDER.filter((step) => (flags & STEP_FLAGS[step]) !== 0);
}

/** Message key naming a step in progress messages. */
export function stepMessageKey(step: ConsoStep | 'formulas'): string {
  return `conso.step.${step}`;
}
