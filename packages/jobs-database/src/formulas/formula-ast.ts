/** Functions a formula may call. */
export const FORMULA_FUNCTIONS = ['ABS', 'MIN', 'MAX', 'ROUND'] as const;

/** A function a formula may call. */
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/** A parsed formula expression. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'account'; readonly code: string }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: FormulaNode }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly kind: 'call'; readonly fn: FormulaFunction; readonly args: readonly FormulaNode[] };
