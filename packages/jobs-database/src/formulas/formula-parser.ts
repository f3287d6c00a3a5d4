import { FormulaError } from '../errors/formula-error.js';
import { FORMULA_FUNCTIONS, type FormulaFunction, type FormulaNode } from './formula-ast.js';
import { type FormulaToken, tokenizeFormula } from './formula-tokens.js';

/**
 * Parses a formula by recursive descent:
 *
 * ```
 * expr   := term (('+' | '-') term)*
 * term   := unary (('*' | '/') unary)*
 * unary  := '-' unary | '+' unary | atom
 * atom   := number | [account] | identifier | FUNC '(' expr (',' expr)* ')' | '(' expr ')'
 * ```
 *
 * The result is a tree that {@link evaluateFormula} walks; nothing is ever compiled or eval'd.
 */
export function parseFormula(expression: string): FormulaNode {
  const parser = new Parser(expression, tokenizeFormula(expression));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly FormulaToken[],
  ) {}

  expression(): FormulaNode {
    let node = this.term();
    for (let op = this.operator('+', '-'); op !== undefined; op = this.operator('+', '-')) {
      node = { kind: 'binary', op, left: node, right: this.term() };
    }
    return node;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') this.fail('unexpected text after the end of the expression', token);
  }

  private term(): FormulaNode {
    let node = this.unary();
    for (let op = this.operator('*', '/'); op !== undefined; op = this.operator('*', '/')) {
      node = { kind: 'binary', op, left: node, right: this.unary() };
    }
    return node;
  }

  private unary(): FormulaNode {
    const op = this.operator('-', '+');
    if (op === '-') return { kind: 'negate', operand: this.unary() };
    if (op === '+') return this.unary();
    return this.atom();
  }

  private atom(): FormulaNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'account':
        return { kind: 'account', code: token.code };
      case 'identifier': {
        const after = this.peek();
        if (after.kind === 'paren' && after.open) return this.call(token.name, token.at);
        return { kind: 'identifier', name: token.name };
      }
      case 'paren':
        if (token.open) {
          const inner = this.expression();
          this.closeParen();
          return inner;
        }
        return this.fail('unexpected ")"', token);
      default:
        return this.fail(token.kind === 'end' ? 'expression ends too early' : 'expected a value', token);
    }
  }

  private call(name: string, at: number): FormulaNode {
    const fn = FORMULA_FUNCTIONS.find((f) => f === name.toUpperCase());
    if (fn === undefined) {
      throw new FormulaError(
        this.text,
        `unknown function ${name} (allowed: ${FORMULA_FUNCTIONS.join(', ')})`,
        at,
      );
    }
    this.next();
    const args: FormulaNode[] = [this.expression()];
    while (this.peek().kind === 'comma') {
      this.next();
      args.push(this.expression());
    }
    this.closeParen();
    checkArity(this.text, fn, args.length, at);
    return { kind: 'call', fn, args };
  }

  private closeParen(): void {
    const token = this.next();
    if (token.kind !== 'paren' || token.open) this.fail('expected ")"', token);
  }

  private operator<T extends '+' | '-' | '*' | '/'>(...ops: T[]): T | undefined {
    const token = this.peek();
    if (token.kind === 'operator' && (ops as string[]).includes(token.op)) {
      this.position++;
      return token.op as T;
    }
    return undefined;
  }

  private peek(): FormulaToken {
    return this.tokens[this.position] ?? { kind: 'end', at: this.text.length };
  }

  private next(): FormulaToken {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private fail(problem: string, token: FormulaToken): never {
    throw new FormulaError(this.text, problem, token.at);
  }
}

function checkArity(text: string, fn: FormulaFunction, count: number, at: number): void {
  const ok = fn === 'ABS' ? count === 1 : fn === 'ROUND' ? count === 1 || count === 2 : count >= 1;
  if (!ok) throw new FormulaError(text, `${fn} does not take ${count} argument(s)`, at);
}
