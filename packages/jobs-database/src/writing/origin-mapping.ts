import type { DataOrigin } from '@hangar/conso-db';
import type { LineOrigin } from '../engine/index.js';

/** The `consolidated_data.origin` of each engine line origin. */
const ORIGINS: Readonly<Record<LineOrigin, DataOrigin>> = {
  bundle: 'bundle',
  cta: 'cta',
  adjustment: 'adjustment',
  adjustment_cta: 'cta',
  ic_elimination: 'ic_elimination',
  dividend_elimination: 'elimination',
  elimination: 'investment_elimination',
  goodwill: 'investment_elimination',
  equity_value: 'equity_method',
  cta_split: 'nci',
  nci: 'nci',
  conso_reserves: 'elimination',
};

/** Stored origin of an engine line origin. */
export function dataOrigin(origin: LineOrigin): DataOrigin {
  return ORIGINS[origin];
}
