import { describe, expect, it } from 'vitest';
import { invertMatrix, NUMBER_FIELD, RATIONAL_FIELD, solveLinearSystem } from './linear-solve.js';
import { Rational } from './rational.js';

describe('solveLinearSystem', () => {
  it('needs pivoting when the leading entry is zero', () => {
    const result = solveLinearSystem(
      NUMBER_FIELD,
      [
        [0, 2],
        [3, 1],
      ],
      [4, 5],
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.x[0]).toBeCloseTo(1, 12);
      expect(result.x[1]).toBeCloseTo(2, 12);
    }
  });

  it('reports a singular matrix with the failing column', () => {
    const result = invertMatrix(NUMBER_FIELD, 1, [
      [1, -1],
      [-1, 1],
    ]);
    expect(result).toEqual({ ok: false, column: 1 });
  });

  it('solves exactly over fractions', () => {
    const r = (n: number) => Rational.fromNumber(n);
    const result = solveLinearSystem(
      RATIONAL_FIELD,
      [
        [r(1), r(-0.1)],
        [r(-0.2), r(1)],
      ],
      [r(0.7), r(0.6)],
    );
    expect(result.ok && result.x.map((v) => v.toString())).toEqual(['38/49', '37/49']);
  });
});

describe('Rational', () => {
  it('reads decimal literals exactly and prints lowest terms', () => {
    expect(Rational.fromNumber(0.8).toString()).toBe('4/5');
    expect(Rational.fromNumber(1e-7).toString()).toBe('1/10000000');
    expect(Rational.parse('12/19').toNumber()).toBeCloseTo(12 / 19, 15);
    expect(Rational.parse('-6/4').toString()).toBe('-3/2');
    expect(Rational.fromNumber(17 / 20).toNumber()).toBe(0.85);
  });
});
