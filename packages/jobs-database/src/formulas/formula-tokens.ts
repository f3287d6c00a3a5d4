import { FormulaError } from '../errors/formula-error.js';

/** A token of a formula expression. */
export type FormulaToken =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'account'; readonly code: string; readonly at: number }
  | { readonly kind: 'identifier'; readonly name: string; readonly at: number }
  | { readonly kind: 'operator'; readonly op: '+' | '-' | '*' | '/'; readonly at: number }
  | { readonly kind: 'paren'; readonly open: boolean; readonly at: number }
  | { readonly kind: 'comma'; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*/;

/**
 * Splits a formula into tokens: numbers, `[account]` references (any characters but `]`),
 * identifiers, the four operators, parentheses and commas. Anything else is an error that names
 * its position, so a bad formula fails before any data is touched.
 */
export function tokenizeFormula(expression: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let i = 0;
  while (i < expression.length) {
    const ch = expression.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = expression.slice(i);
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (ch === '[') {
      const close = expression.indexOf(']', i + 1);
      const code = close < 0 ? '' : expression.slice(i + 1, close).trim();
      if (close < 0 || code === '')
        throw new FormulaError(expression, 'account reference is not closed or empty', i);
      tokens.push({ kind: 'account', code, at: i });
      i = close + 1;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier !== null) {
      tokens.push({ kind: 'identifier', name: identifier[0], at: i });
      i += identifier[0].length;
      continue;
    }
    if (ch === '+' || ch === '-' || ch === '*' || ch === '/')
      tokens.push({ kind: 'operator', op: ch, at: i });
    else if (ch === '(' || ch === ')') tokens.push({ kind: 'paren', open: ch === '(', at: i });
    else if (ch === ',') tokens.push({ kind: 'comma', at: i });
    else throw new FormulaError(expression, `unexpected character "${ch}"`, i);
    i++;
  }
  tokens.push({ kind: 'end', at: expression.length });
  return tokens;
}
