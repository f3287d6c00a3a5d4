import { hasErrorCode } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, type FormulaScope } from './formula-evaluator.js';
import { parseFormula } from './formula-parser.js';

const scope: FormulaScope = {
  account: (code) => ({ '4000': 100, '1400': -30, 'A.B': 2 })[code],
  identifier: (name) => ({ GROUP_PCT: 0.8, CASH: 7 })[name],
};

const run = (text: string): number => evaluateFormula(parseFormula(text), scope, text);

describe('formula parser and evaluator', () => {
  it('respects precedence, associativity, parentheses and unary minus', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('12 / 3 / 2')).toBe(2);
    expect(run('-2 * -3')).toBe(6);
    expect(run('--4')).toBe(4);
    expect(run('1.5e2 + .5')).toBe(150.5);
  });

  it('reads [account] references, identifiers and functions', () => {
    expect(run('[4000] + [1400]')).toBe(70);
    expect(run('[A.B] * GROUP_PCT')).toBeCloseTo(1.6);
    expect(run('CASH - 2')).toBe(5);
    expect(run('ABS([1400]) + MIN(3, 1, 2) + MAX(-1, -5)')).toBe(30);
    expect(run('round(2.345, 2)')).toBe(2.35);
    expect(run('ROUND(-2.5)')).toBe(-3);
  });

  it('rejects anything outside the grammar with the position', () => {
    for (const bad of [
      '1 +',
      '(1',
      '1)',
      '[4000',
      '[]',
      'EVAL(1)',
      'process.exit(1)',
      '1; 2',
      'ABS(1, 2)',
      "'x'",
      '',
    ]) {
      expect(() => parseFormula(bad), bad).toThrowError(expect.objectContaining({ code: 'FORMULA_INVALID' }));
    }
  });

  it('fails on unknown names and division by zero', () => {
    for (const bad of ['[9999]', 'NOPE', '1 / ([4000] - 100)']) {
      let error: unknown;
      try {
        run(bad);
      } catch (e) {
        error = e;
      }
      expect(hasErrorCode(error, 'FORMULA_INVALID'), bad).toBe(true);
    }
  });
});
