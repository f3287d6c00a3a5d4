import { RATIONAL_FIELD, solveLinearSystem } from './linear-solve.js';
import type {
  ConsolidationMethod,
  DirectHolding,
  ExactPercentages,
  OwnershipOverride,
} from './ownership-types.js';
import { Rational } from './rational.js';

/** Above this size the exact solve is skipped: fraction sizes grow too fast to be worth it. */
const MAX_EXACT_COMPANIES = 40;

/** What the exact pass reuses from the floating-point pass. */
export interface ExactOwnershipInput {
  /** Index of the parent. */
  readonly parent: number;
  /** Direct holdings with their exact fractions. */
  readonly direct: readonly DirectHolding[];
  /** Company name → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Controlled set decided by the floating-point pass (with its tolerances). */
  readonly controlled: readonly boolean[];
  /** Methods decided by the floating-point pass. */
  readonly methods: readonly ConsolidationMethod[];
  /** Overrides per company index. */
  readonly overrides: readonly (OwnershipOverride | undefined)[];
}

/**
 * The same percentages as exact fractions, for reporting next to the doubles. Decisions that
 * use tolerances (controlled set, method) are taken from the floating-point pass so both agree.
 * Returns undefined when an exact solve is not practical.
 */
export function exactPercentages(input: ExactOwnershipInput): ExactPercentages[] | undefined {
  const n = input.methods.length;
  if (n > MAX_EXACT_COMPANIES) return undefined;
  try {
    const fin = Array.from({ length: n }, () => new Array<Rational>(n).fill(Rational.ZERO));
    const ctrl = Array.from({ length: n }, () => new Array<Rational>(n).fill(Rational.ZERO));
    for (const h of input.direct) {
      const row = input.index.get(h.holder) as number;
      const col = input.index.get(h.held) as number;
      (fin[row] as Rational[])[col] = h.exactFin;
      (ctrl[row] as Rational[])[col] = h.exactCtrl;
    }
    // g solves (I − A)^T g = e_P, with the parent's column of A zeroed.
    const transposed = Array.from({ length: n }, (_, k) =>
      Array.from({ length: n }, (_, h) => {
        const a = k === input.parent ? Rational.ZERO : ((fin[h] as Rational[])[k] as Rational);
        return (h === k ? Rational.ONE : Rational.ZERO).sub(a);
      }),
    );
    const rhs = Array.from({ length: n }, (_, i) => (i === input.parent ? Rational.ONE : Rational.ZERO));
    const solved = solveLinearSystem(RATIONAL_FIELD, transposed, rhs);
    if (!solved.ok) return undefined;
    const forced = (k: number, key: keyof Omit<OwnershipOverride, 'method'>): Rational | undefined => {
      const value = input.overrides[k]?.[key];
      return value === undefined ? undefined : Rational.fromNumber(value);
    };
    const interest = solved.x.map((g, k) => forced(k, 'interest') ?? g);
    const control = interest.map((_, k) => {
      if (k === input.parent) return forced(k, 'control') ?? Rational.ONE;
      let sum = Rational.ZERO;
      for (let h = 0; h < n; h++) {
        if (h !== k && input.controlled[h]) sum = sum.add((ctrl[h] as Rational[])[k] as Rational);
      }
      return forced(k, 'control') ?? sum;
    });
    const minority = input.methods.map((method, k) => {
      const value = forced(k, 'minority');
      if (value !== undefined) return value;
      if (k === input.parent || method === 'N') return Rational.ZERO;
      if (method === 'G') return Rational.ONE.sub(interest[k] as Rational);
      let sum = Rational.ZERO;
      for (let h = 0; h < n; h++) {
        if (h !== k && input.methods[h] === 'G') {
          sum = sum.add(
            ((fin[h] as Rational[])[k] as Rational).mul(Rational.ONE.sub(interest[h] as Rational)),
          );
        }
      }
      return sum;
    });
    return input.methods.map((method, k) => {
      const g = interest[k] as Rational;
      const m = minority[k] as Rational;
      const integration =
        forced(k, 'integration') ??
        (method === 'G' ? Rational.ONE : method === 'N' ? Rational.ZERO : g.add(m));
      return { interest: g, control: control[k] as Rational, minority: m, integration };
    });
  } catch (err) {
    // Exact values are a by-product; a failure here must not hide the floating-point result.
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}
