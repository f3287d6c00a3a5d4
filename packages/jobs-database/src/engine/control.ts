/** Above this the company is controlled; within it of 0.5 it is the 50% joint-control case. */
export const CONTROL_TOLERANCE = 1e-9;

/** True when a control percentage gives control (strictly above 50%, beyond the tolerance). */
export function isMajority(control: number): boolean {
  return control > 0.5 + CONTROL_TOLERANCE;
}

/** Result of the control calculation. */
export interface ControlResult {
  /** c per company; 1 for the parent. */
  readonly control: number[];
  /** Whether each company counts as controlled (its votes then count for others). */
  readonly controlled: boolean[];
}

/**
 * Control percentages as the least fixed point of "votes held by the parent and by controlled
 * companies". Starting from nothing controlled, the controlled set only grows, so the loop ends;
 * the greatest fixed point would let mutual minority stakes vouch for each other.
 * `decide` lets a manual override force a company in or out of the controlled set.
 */
export function computeControl(
  votes: readonly (readonly number[])[],
  parent: number,
  decide: (company: number, control: number) => boolean,
): ControlResult {
  const n = votes.length;
  let controlled = Array.from({ length: n }, (_, i) => i === parent);
  let control = new Array<number>(n).fill(0);
  for (let round = 0; round <= n + 1; round++) {
    control = Array.from({ length: n }, (_, k) => {
      if (k === parent) return 1;
      let sum = 0;
      for (let h = 0; h < n; h++) {
        if (h !== k && controlled[h]) sum += (votes[h] as readonly number[])[k] ?? 0;
      }
      return sum;
    });
    const next = control.map((c, k) => k === parent || decide(k, c));
    if (next.every((v, k) => v === controlled[k])) break;
    controlled = next;
  }
  return { control, controlled };
}
