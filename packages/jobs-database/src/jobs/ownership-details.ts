import type { OwnershipResult } from '../engine/index.js';

/** Companies above which the details leave out the inverse matrix (it grows with the square). */
const MAX_MATRIX_COMPANIES = 200;

/** Exact values and intermediate results of an ownership calculation, for reports and case checks. */
export interface OwnershipDetails {
  /** Direct holdings used, with exact fractions as strings. */
  readonly direct: { holder: string; held: string; fin: string; ctrl: string }[];
  /** Exact percentages per company, when the exact solve was practical. */
  readonly exact: Record<
    string,
    { interest: string; control: string; minority: string; integration: string }
  >;
  /** (I − A)^-1 with the parent's column zeroed, for up to 200 companies. */
  readonly inverse?: { order: string[]; rows: number[][] };
}

/** Details of a result, in the shapes the reference cases use. */
export function ownershipDetails(result: OwnershipResult): OwnershipDetails {
  const exact: OwnershipDetails['exact'] = {};
  for (const [code, c] of result.companies) {
    if (c.exact === undefined) continue;
    exact[code] = {
      interest: c.exact.interest.toString(),
      control: c.exact.control.toString(),
      minority: c.exact.minority.toString(),
      integration: c.exact.integration.toString(),
    };
  }
  const order = [...result.companies.keys()];
  return {
    direct: result.direct.map((d) => ({
      holder: d.holder,
      held: d.held,
      fin: d.exactFin.toString(),
      ctrl: d.exactCtrl.toString(),
    })),
    exact,
    ...(order.length <= MAX_MATRIX_COMPANIES
      ? { inverse: { order, rows: result.inverse.map((row) => row.map((v) => (Object.is(v, -0) ? 0 : v))) } }
      : {}),
  };
}
