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

/** What an integration run does: a selected step, or the `before_consolidation` formulas. */
export type RunItem = ConsoStep | 'formulas';

/**
 * What a flag set runs, in order. As in the product, the `before_consolidation` formulas run on
 * every run, whatever the flags: right after LinkedCategories when it is selected (they read the
 * opening balances it writes), else before any step.
 */
export function runPlanOf(flags: number): RunItem[] {
  const steps = stepsOf(flags);
  const at = steps[0] === 'linkedCategories' ? 1 : 0;
  return [...steps.slice(0, at), 'formulas', ...steps.slice(at)];
}

/** Message key naming a step in progress messages. */
export function stepMessageKey(step: RunItem): string {
  return `conso.step.${step}`;
}
