import { expect } from 'vitest';
import type { OwnershipInput, OwnershipResult } from '../ownership-types.js';

const TOLERANCE = 1e-9;

function close(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThan(TOLERANCE);
}

/**
 * Asserts what must hold for any ownership result without overrides: g solves
 * g_k = A[P][k] + Σ_j g_j·A[j][k] (parent column ignored), c is a fixed point over the votes of
 * the parent and controlled companies and is at least the parent's direct votes, k = g + m for
 * E and P, g + m = 1 for G, and the exact fractions agree with the doubles.
 */
export function expectOwnershipInvariants(input: OwnershipInput, result: OwnershipResult): void {
  const fin = (h: string, k: string): number =>
    result.direct.find((d) => d.holder === h && d.held === k)?.fin ?? 0;
  const ctrl = (h: string, k: string): number =>
    result.direct.find((d) => d.holder === h && d.held === k)?.ctrl ?? 0;
  const get = (name: string) => {
    const company = result.companies.get(name);
    if (company === undefined) throw new Error(`missing company ${name}`);
    return company;
  };
  for (const k of input.companies) {
    const c = get(k);
    if (k === input.parent) {
      close(c.interest, 1, 'g_P');
      close(c.control, 1, 'c_P');
      expect(c.method).toBe('G');
      continue;
    }
    let g = 0;
    let control = 0;
    for (const j of input.companies) {
      g += get(j).interest * fin(j, k);
      if (j !== k && get(j).method === 'G') control += ctrl(j, k);
    }
    close(c.interest, g, `g_${k} solves the ownership equation`);
    close(c.control, control, `c_${k} is the votes of controlled holders`);
    expect(c.control + TOLERANCE, `c_${k} >= parent's direct votes`).toBeGreaterThanOrEqual(
      ctrl(input.parent, k),
    );
    if (c.method === 'G') {
      close(c.integration, 1, `k_${k}`);
      close(c.interest + c.minority, 1, `g + m for ${k}`);
    } else if (c.method === 'N') {
      close(c.integration, 0, `k_${k}`);
    } else {
      close(c.integration, c.interest + c.minority, `k = g + m for ${k}`);
    }
    if (c.exact !== undefined) {
      close(c.exact.interest.toNumber(), c.interest, `exact g_${k}`);
      close(c.exact.control.toNumber(), c.control, `exact c_${k}`);
      close(c.exact.minority.toNumber(), c.minority, `exact m_${k}`);
      close(c.exact.integration.toNumber(), c.integration, `exact k_${k}`);
    }
  }
}
