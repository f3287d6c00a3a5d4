import type { DataOrigin } from './column-kinds.js';

/**
 * `consolidated_data`: the output of a conso, in group currency. No surrogate id on purpose: the
 * engine replaces a conso's rows wholesale and never addresses a single one, and this is the
 * largest table, so it avoids the 2^31 limit of the 32-bit ids the other tables use.
 */
export interface ConsolidatedDataTable {
  conso_id: number;
  company_id: number;
  account_id: number;
  partner_company_id: number | null;
  flow_id: number | null;
  dimension: string | null;
  origin: DataOrigin;
  /** Engine step that produced the row, e.g. `translation`, `ic_elimination`. */
  step: string;
  amount_gc: number;
}
