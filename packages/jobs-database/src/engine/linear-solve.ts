import { Rational } from './rational.js';

/** The arithmetic a linear solve needs, so one elimination routine serves doubles and exact fractions. */
export interface Field<T> {
  /** Additive identity. */
  readonly zero: T;
  /** a + b. */
  add(a: T, b: T): T;
  /** a − b. */
  sub(a: T, b: T): T;
  /** a × b. */
  mul(a: T, b: T): T;
  /** a ÷ b. */
  div(a: T, b: T): T;
  /** |a| as a double, to choose pivots. */
  magnitude(a: T): number;
  /** True when a pivot of this size must be treated as zero. */
  negligible(a: T): boolean;
  /** True for an exact zero, to skip rows with nothing to eliminate. */
  isZero(a: T): boolean;
}

/** Pivot threshold of the floating-point solve (the spec's percentage tolerance). */
export const PIVOT_TOLERANCE = 1e-9;

/** Double-precision arithmetic with a 1e-9 pivot threshold. */
export const NUMBER_FIELD: Field<number> = {
  zero: 0,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  magnitude: (a) => Math.abs(a),
  negligible: (a) => Math.abs(a) < PIVOT_TOLERANCE,
  isZero: (a) => a === 0,
};

/** Exact fraction arithmetic; only a true zero is a zero pivot. */
export const RATIONAL_FIELD: Field<Rational> = {
  zero: Rational.ZERO,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  magnitude: (a) => Math.abs(a.toNumber()),
  negligible: (a) => a.isZero(),
  isZero: (a) => a.isZero(),
};

/** Result of a solve: the solution, or the column where no usable pivot was found. */
export type SolveResult<T> = { ok: true; x: T[] } | { ok: false; column: number };

/** Result of a solve with several right-hand sides: one solution column per right-hand side. */
export type MultiSolveResult<T> = { ok: true; x: T[][] } | { ok: false; column: number };

/**
 * Solves M·x = b by Gaussian elimination with partial pivoting. Reports a singular matrix
 * instead of throwing, so the caller can explain which companies make it singular.
 */
export function solveLinearSystem<T>(
  field: Field<T>,
  matrix: readonly (readonly T[])[],
  rhs: readonly T[],
): SolveResult<T> {
  const result = solveMany(
    field,
    matrix,
    rhs.map((v) => [v]),
  );
  if (!result.ok) return result;
  return { ok: true, x: result.x.map((row) => row[0] as T) };
}

/** M^-1 by the same elimination, solving against the identity; reports a singular matrix. */
export function invertMatrix<T>(
  field: Field<T>,
  one: T,
  matrix: readonly (readonly T[])[],
): MultiSolveResult<T> {
  const n = matrix.length;
  const identity = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? one : field.zero)),
  );
  return solveMany(field, matrix, identity);
}

/** Solves M·X = B for an n×m right-hand side B; X is returned row by row like B. */
export function solveMany<T>(
  field: Field<T>,
  matrix: readonly (readonly T[])[],
  rhs: readonly (readonly T[])[],
): MultiSolveResult<T> {
  const n = matrix.length;
  const m = rhs[0]?.length ?? 0;
  if (rhs.length !== n) throw new RangeError(`Right-hand side has ${rhs.length} rows, expected ${n}`);
  const rows: T[][] = matrix.map((row, i) => {
    if (row.length !== n) throw new RangeError(`Row ${i} has ${row.length} entries, expected ${n}`);
    return [...row, ...(rhs[i] as readonly T[])];
  });
  const width = n + m;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = -1;
    for (let r = col; r < n; r++) {
      const size = field.magnitude(cell(rows, r, col));
      if (size > best) {
        best = size;
        pivotRow = r;
      }
    }
    const pivot = cell(rows, pivotRow, col);
    if (field.negligible(pivot)) return { ok: false, column: col };
    if (pivotRow !== col) {
      const tmp = rows[col] as T[];
      rows[col] = rows[pivotRow] as T[];
      rows[pivotRow] = tmp;
    }
    const pivotCells = rows[col] as T[];
    for (let r = col + 1; r < n; r++) {
      const target = rows[r] as T[];
      const factor = field.div(target[col] as T, pivot);
      if (field.isZero(factor)) continue;
      for (let c = col; c < width; c++) {
        target[c] = field.sub(target[c] as T, field.mul(factor, pivotCells[c] as T));
      }
    }
  }
  const x: T[][] = Array.from({ length: n }, () => new Array<T>(m).fill(field.zero));
  for (let r = n - 1; r >= 0; r--) {
    const row = rows[r] as T[];
    const out = x[r] as T[];
    for (let j = 0; j < m; j++) {
      let acc = row[n + j] as T;
      for (let c = r + 1; c < n; c++) acc = field.sub(acc, field.mul(row[c] as T, (x[c] as T[])[j] as T));
      out[j] = field.div(acc, row[r] as T);
    }
  }
  return { ok: true, x };
}

function cell<T>(rows: readonly (readonly T[])[], r: number, c: number): T {
  return (rows[r] as readonly T[])[c] as T;
}
