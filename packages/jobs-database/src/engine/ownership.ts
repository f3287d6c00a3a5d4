import { companiesOnCycles, findClosedCycles } from './closed-cycles.js';
import { methodFromControl } from './consolidation-method.js';
import { computeControl, isMajority } from './control.js';
import { HoldingsOver100Error } from './errors/holdings-over-100-error.js';
import { InvalidCaseError } from './errors/invalid-case-error.js';
import { OwnershipSingularError } from './errors/ownership-singular-error.js';
import { PercentOutOfRangeError } from './errors/percent-out-of-range-error.js';
import { UnknownCompanyError } from './errors/unknown-company-error.js';
import { exactPercentages } from './exact-ownership.js';
import { invertMatrix, NUMBER_FIELD } from './linear-solve.js';
import type {
  CompanyOwnership,
  ConsolidationMethod,
  DirectHolding,
  OwnershipInput,
  OwnershipResult,
} from './ownership-types.js';
import { Rational } from './rational.js';
import { directFromShareRegisters } from './share-registers.js';

/** Slack allowed on percentage bounds so rounding in the inputs does not trip the checks. */
const PERCENT_TOLERANCE = 1e-9;

/**
 * CalculateIndirectPercentages: financial interest g = e_P (I − A)^-1 with the parent's column
 * zeroed, control as a least fixed point, method by thresholds, then minority and integration.
 * Manual overrides win over every computed value.
 */
export function calculateIndirectPercentages(input: OwnershipInput): OwnershipResult {
  const companies = [...input.companies];
  const index = indexCompanies(companies);
  const parent = index.get(input.parent);
  if (parent === undefined) throw new UnknownCompanyError(input.parent, 'parent');
  for (const name of Object.keys(input.overrides ?? {})) {
    if (!index.has(name)) throw new UnknownCompanyError(name, 'override');
  }

  const direct = mergeDirectHoldings(input, index);
  const n = companies.length;
  const fin = squareMatrix(n);
  const ctrl = squareMatrix(n);
  for (const h of direct) {
    const row = index.get(h.holder) as number;
    const col = index.get(h.held) as number;
    (fin[row] as number[])[col] = h.fin;
    (ctrl[row] as number[])[col] = h.ctrl;
  }
  checkTotals(companies, fin, 'fin');
  checkTotals(companies, ctrl, 'ctrl');

  // Shares of the parent held inside the group are group treasury shares: the link is ignored.
  const a = fin.map((row) => row.map((v, k) => (k === parent ? 0 : v)));
  const closed = findClosedCycles(a);
  if (closed.length > 0) throw new OwnershipSingularError(closed.map((i) => companies[i] as string));
  const iMinusA = a.map((row, i) => row.map((v, k) => (i === k ? 1 : 0) - v));
  const inverted = invertMatrix(NUMBER_FIELD, 1, iMinusA);
  if (!inverted.ok) {
    const suspects = companiesOnCycles(a);
    throw new OwnershipSingularError(
      (suspects.length > 0 ? suspects : [inverted.column]).map((i) => companies[i] as string),
    );
  }
  const inverse = inverted.x;
  const overrides = companies.map((c) => input.overrides?.[c]);

  const { control: computedControl, controlled } = computeControl(ctrl, parent, (k, c) => {
    const override = overrides[k];
    if (override?.method !== undefined) return override.method === 'G';
    return isMajority(override?.control ?? c);
  });
  const control = computedControl.map((c, k) => overrides[k]?.control ?? c);
  const interest = (inverse[parent] as number[]).map((g, k) => overrides[k]?.interest ?? g);
  const methods: ConsolidationMethod[] = control.map(
    (c, k) => overrides[k]?.method ?? methodFromControl(c, k === parent, input.noProportional === true),
  );

  const minority = methods.map((method, k) => {
    const forced = overrides[k]?.minority;
    if (forced !== undefined) return forced;
    if (k === parent || method === 'N') return 0;
    if (method === 'G') return 1 - (interest[k] as number);
    // Indirect minority of E and P companies: the NCI of fully consolidated holders.
    let sum = 0;
    for (let h = 0; h < n; h++) {
      if (h !== k && methods[h] === 'G')
        sum += ((fin[h] as number[])[k] as number) * (1 - (interest[h] as number));
    }
    return sum;
  });
  const integration = methods.map((method, k) => {
    const forced = overrides[k]?.integration;
    if (forced !== undefined) return forced;
    if (method === 'G') return 1;
    if (method === 'N') return 0;
    return (interest[k] as number) + (minority[k] as number);
  });

  const exact = exactPercentages({
    parent,
    direct,
    index,
    controlled,
    methods,
    overrides,
  });

  const result = new Map<string, CompanyOwnership>();
  companies.forEach((name, k) => {
    const exactValues = exact?.[k];
    result.set(name, {
      interest: interest[k] as number,
      control: control[k] as number,
      method: methods[k] as ConsolidationMethod,
      minority: minority[k] as number,
      integration: integration[k] as number,
      ...(exactValues === undefined ? {} : { exact: exactValues }),
    });
  });
  return { companies: result, direct, inverse };
}

function indexCompanies(companies: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  companies.forEach((name, i) => {
    if (index.has(name)) throw new InvalidCaseError('companies', `company ${name} is listed twice`);
    index.set(name, i);
  });
  return index;
}

function squareMatrix(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}

/** Percentage holdings and share-register holdings, validated and summed per holder and held company. */
function mergeDirectHoldings(input: OwnershipInput, index: ReadonlyMap<string, number>): DirectHolding[] {
  const fromRegisters =
    input.shareholdings !== undefined && input.shareholdings.length > 0
      ? directFromShareRegisters(input.shareClasses ?? {}, input.shareholdings)
      : [];
  const fromPercentages: DirectHolding[] = (input.holdings ?? []).map((h) => {
    checkPercent(h.holder, h.held, h.fin, 'fin');
    checkPercent(h.holder, h.held, h.ctrl, 'ctrl');
    return { ...h, exactFin: Rational.fromNumber(h.fin), exactCtrl: Rational.fromNumber(h.ctrl) };
  });
  const merged = new Map<string, DirectHolding>();
  for (const h of [...fromPercentages, ...fromRegisters]) {
    if (!index.has(h.holder)) throw new UnknownCompanyError(h.holder, `holder of ${h.held}`);
    if (!index.has(h.held)) throw new UnknownCompanyError(h.held, `held by ${h.holder}`);
    checkPercent(h.holder, h.held, h.fin, 'fin');
    checkPercent(h.holder, h.held, h.ctrl, 'ctrl');
    const key = `${h.holder}\u0000${h.held}`;
    const prior = merged.get(key);
    merged.set(
      key,
      prior === undefined
        ? h
        : {
            holder: h.holder,
            held: h.held,
            fin: prior.fin + h.fin,
            ctrl: prior.ctrl + h.ctrl,
            exactFin: prior.exactFin.add(h.exactFin),
            exactCtrl: prior.exactCtrl.add(h.exactCtrl),
          },
    );
  }
  return [...merged.values()];
}

function checkPercent(holder: string, held: string, value: number, field: string): void {
  if (!Number.isFinite(value) || value < -PERCENT_TOLERANCE || value > 1 + PERCENT_TOLERANCE) {
    throw new PercentOutOfRangeError(holder, held, value, field);
  }
}

/** No company can have more than 100% of its dividend rights or votes held. */
function checkTotals(
  companies: readonly string[],
  matrix: readonly (readonly number[])[],
  field: string,
): void {
  companies.forEach((name, k) => {
    const total = matrix.reduce((acc, row) => acc + (row[k] ?? 0), 0);
    if (total > 1 + PERCENT_TOLERANCE) throw new HoldingsOver100Error(name, total, field);
  });
}
