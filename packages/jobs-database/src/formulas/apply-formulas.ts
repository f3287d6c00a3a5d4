import type { AccountChart, CompanyPercentages, LineInput } from '../engine/index.js';
import { FormulaError } from '../errors/formula-error.js';
import { evaluateFormula, type FormulaScope } from './formula-evaluator.js';
import type { LoadedFormula } from './formula-loader.js';

/** Variables a formula can name besides accounts. */
const VARIABLES = ['GROUP_PCT', 'MINORITY_PCT', 'INTEGRATION_PCT', 'RESULT'] as const;

/** A line a formula adds, tagged so it can be stored with origin `formula`. */
export interface FormulaLine extends LineInput {
  /** Always true: marks the line as produced by a formula. */
  readonly fromFormula: true;
}

/**
 * Runs formulas on one company's local-currency lines. A formula sets its target account to the
 * expression's value: the difference from the current balance is booked on the target and the
 * opposite on the retained-earnings account, so the bundle still balances. Later formulas see the
 * balances earlier ones produced.
 */
export function applyFormulas(
  formulas: readonly LoadedFormula[],
  lines: readonly LineInput[],
  chart: AccountChart,
  percentages: CompanyPercentages,
): FormulaLine[] {
  if (formulas.length === 0) return [];
  const balances = new Map<string, number>();
  for (const line of lines) balances.set(line.account, (balances.get(line.account) ?? 0) + line.amount);
  const retained = chart.withRole('retained_earnings')[0];
  const result: FormulaLine[] = [];
  const scope: FormulaScope = {
    account: (code) => (chart.find(code) === undefined ? undefined : (balances.get(code) ?? 0)),
    identifier: (name) => {
      switch (name.toUpperCase()) {
        case 'GROUP_PCT':
          return percentages.group;
        case 'MINORITY_PCT':
          return percentages.minority;
        case 'INTEGRATION_PCT':
          return percentages.integration;
        case 'RESULT': {
          let total = 0;
          for (const [code, amount] of balances) if (chart.find(code)?.type === 'PL') total += amount;
          return total;
        }
        default:
          return chart.find(name) === undefined ? undefined : (balances.get(name) ?? 0);
      }
    },
  };
  for (const formula of formulas) {
    const value = evaluateFormula(formula.tree, scope, formula.expression);
    const delta = value - (balances.get(formula.target) ?? 0);
    if (delta === 0) continue;
    if (retained === undefined) {
      throw new FormulaError(
        formula.expression,
        'no retained_earnings account to balance the formula against',
      );
    }
    result.push({ account: formula.target, amount: delta, fromFormula: true });
    result.push({ account: retained, amount: -delta, fromFormula: true });
    balances.set(formula.target, value);
    balances.set(retained, (balances.get(retained) ?? 0) - delta);
  }
  return result;
}

/** Names a formula may use besides account codes. */
export const FORMULA_VARIABLES: readonly string[] = VARIABLES;
