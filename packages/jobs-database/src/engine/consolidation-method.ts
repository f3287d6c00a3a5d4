import { CONTROL_TOLERANCE, isMajority } from './control.js';
import type { ConsolidationMethod } from './ownership-types.js';

/** Lower bound of significant influence (the product's @ConsoMethN = 20). */
export const EQUITY_THRESHOLD = 0.2;

/**
 * The method the thresholds give: parent or majority → G, exactly 50% → P (or E when
 * proportional consolidation is switched off), 20% up to 50% → E, below → N.
 */
export function methodFromControl(
  control: number,
  isParent: boolean,
  noProportional: boolean,
): ConsolidationMethod {
  if (isParent || isMajority(control)) return 'G';
  if (Math.abs(control - 0.5) <= CONTROL_TOLERANCE) return noProportional ? 'E' : 'P';
  if (control >= EQUITY_THRESHOLD - CONTROL_TOLERANCE) return 'E';
  return 'N';
}
