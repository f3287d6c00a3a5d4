import type { Generated } from 'kysely';
import type { CategoryLinkMode, Flag, IsoTimestamp } from './column-kinds.js';

/** `consos`: one consolidation run definition for a period and category. */
export interface ConsosTable {
  id: Generated<number>;
  customer_id: number;
  /** `YYYYMM` + category + sequence, e.g. `202312ACT001`; unique per customer. */
  code: string;
  name: string;
  period_id: number;
  category_id: number;
  /** Currency consolidated amounts are in. */
  group_currency: string;
  /** Top company of the perimeter. */
  parent_company_id: number;
  /** 1 while a user or job holds the conso; see `lockConso`. */
  locked: Generated<Flag>;
  /** Login holding the lock. */
  locked_by: string | null;
  locked_at: IsoTimestamp | null;
  /** Consolidate joint ventures by the equity method instead of proportionally. */
  no_proportional: Generated<Flag>;
  /** Further options as a JSON object text; null when none. */
  options: string | null;
  created_at: IsoTimestamp;
  /** Set when a deletion of the conso started; the conso is unusable from then on. */
  deleting_at: IsoTimestamp | null;
}

/** `category_links`: carries data from a source conso into a target conso (e.g. last year's closing). */
export interface CategoryLinksTable {
  id: Generated<number>;
  customer_id: number;
  source_conso_id: number;
  target_conso_id: number;
  mode: CategoryLinkMode;
  /** Comma-separated data types carried: `bundles`, `adjustments`, `consolidated`. */
  data_types: string;
}
