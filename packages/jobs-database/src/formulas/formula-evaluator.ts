import { FormulaError } from '../errors/formula-error.js';
import type { FormulaNode } from './formula-ast.js';

/** Where a formula's references get their values. */
export interface FormulaScope {
  /** Balance of an account; undefined when the chart has no such account. */
  account(code: string): number | undefined;
  /** Value of a named variable (e.g. `GROUP_PCT`) or of an account named bare; undefined if unknown. */
  identifier(name: string): number | undefined;
}

/** Evaluates a parsed formula against a scope. Division by zero and unknown names are errors. */
export function evaluateFormula(node: FormulaNode, scope: FormulaScope, text: string): number {
  const walk = (n: FormulaNode): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'account': {
        const value = scope.account(n.code);
        if (value === undefined) throw new FormulaError(text, `unknown account [${n.code}]`);
        return value;
      }
      case 'identifier': {
        const value = scope.identifier(n.name);
        if (value === undefined) throw new FormulaError(text, `unknown name ${n.name}`);
        return value;
      }
      case 'negate':
        return -walk(n.operand);
      case 'binary': {
        const left = walk(n.left);
        const right = walk(n.right);
        switch (n.op) {
          case '+':
            return left + right;
          case '-':
            return left - right;
          case '*':
            return left * right;
          case '/':
            if (right === 0) throw new FormulaError(text, 'division by zero');
            return left / right;
        }
        break;
      }
      case 'call': {
        const args = n.args.map(walk);
        switch (n.fn) {
          case 'ABS':
            return Math.abs(args[0] ?? 0);
          case 'MIN':
            return Math.min(...args);
          case 'MAX':
            return Math.max(...args);
          case 'ROUND': {
            const digits = Math.trunc(args[1] ?? 0);
            const factor = 10 ** digits;
            // Half away from zero, as accountants round, instead of Math.round's half up.
            const value = args[0] ?? 0;
            return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
          }
        }
      }
    }
    throw new FormulaError(text, 'unsupported expression');
  };
  return walk(node);
}
