import type { ConsolidationMethod } from '../schema/column-kinds.js';

/** A direct holding between company indexes, percentages as fractions. */
export interface IndexedHolding {
  holder: number;
  held: number;
  fin: number;
  ctrl: number;
}

/** Ownership of one company as the sample group stores it. */
export interface EstimatedOwnership {
  groupPct: number;
  controlPct: number;
  minorityPct: number;
  integrationPct: number;
  method: ConsolidationMethod;
}

const TOLERANCE = 1e-9;

/**
 * Ownership of every company by the usual rules (interest g = e_P (I - A)^-1 with holdings in the
 * parent ignored, control through controlled companies, G above 50 %, P at exactly 50 %, E from
 * 20 %), solved by fixed-point iteration: enough for sample data, which only has short cycles.
 * The consolidation engine recomputes these from the holdings; the sample stores a starting point.
 */
export function estimateOwnership(
  companyCount: number,
  parent: number,
  holdings: readonly IndexedHolding[],
  noProportional = false,
): EstimatedOwnership[] {
  const inward = holdings.filter((h) => h.held !== parent && h.holder !== h.held);
  const interest = new Array<number>(companyCount).fill(0);
  interest[parent] = 1;
  for (let round = 0; round < 200; round++) {
    let change = 0;
    const next = new Array<number>(companyCount).fill(0);
    next[parent] = 1;
    for (const h of inward) next[h.held]! += h.fin * interest[h.holder]!;
    for (let k = 0; k < companyCount; k++) change = Math.max(change, Math.abs(next[k]! - interest[k]!));
    interest.splice(0, companyCount, ...next);
    if (change < 1e-13) break;
  }
  // Least fixed point: a company's votes count once its holder is itself controlled.
  const controlled = new Array<boolean>(companyCount).fill(false);
  controlled[parent] = true;
  const control = new Array<number>(companyCount).fill(0);
  control[parent] = 1;
  for (let changed = true; changed; ) {
    changed = false;
    control.fill(0);
    control[parent] = 1;
    for (const h of inward) if (controlled[h.holder]) control[h.held]! += h.ctrl;
    for (let k = 0; k < companyCount; k++) {
      if (!controlled[k] && control[k]! > 0.5 + TOLERANCE) {
        controlled[k] = true;
        changed = true;
      }
    }
  }
  const methods = control.map((c, k): ConsolidationMethod => {
    if (k === parent || c > 0.5 + TOLERANCE) return 'G';
    if (Math.abs(c - 0.5) <= TOLERANCE) return noProportional ? 'E' : 'P';
    return c >= 0.2 - TOLERANCE ? 'E' : 'N';
  });
  return methods.map((method, k) => {
    let minority = 0;
    if (k !== parent && method === 'G') minority = 1 - interest[k]!;
    if (method === 'P' || method === 'E') {
      // Indirect minority: the outside shareholders of fully consolidated holders.
      for (const h of inward)
        if (h.held === k && methods[h.holder] === 'G') minority += h.fin * (1 - interest[h.holder]!);
    }
    const integration = method === 'G' ? 1 : method === 'N' ? 0 : interest[k]! + minority;
    return {
      groupPct: round10(interest[k]!),
      controlPct: round10(control[k]!),
      minorityPct: round10(minority),
      integrationPct: round10(integration),
      method,
    };
  });
}

/** Rounds to 10 decimals so the value survives DECIMAL(18,12) and reads back identical everywhere. */
export function round10(value: number): number {
  const rounded = Math.round(value * 1e10) / 1e10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
