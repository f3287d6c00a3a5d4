import type { Generated } from 'kysely';
import type { Flag, IsoTimestamp, JournalCurrency } from './column-kinds.js';

/**
 * `bundles`: a reported amount of a company, in its local currency. A company's rows for one
 * period and category are its bundle; a balanced bundle sums to 0 (debits positive).
 */
export interface BundlesTable {
  id: Generated<number>;
  company_id: number;
  period_id: number;
  category_id: number;
  account_id: number;
  /** Intercompany counterpart; null for third parties. */
  partner_company_id: number | null;
  /** Flow for balance-sheet accounts; null for P&L accounts. */
  flow_id: number | null;
  /** Free analytical axis (segment, product...). */
  dimension: string | null;
  amount: number;
}

/** `adjustment_journals`: a manual consolidation entry on one company of a conso. */
export interface AdjustmentJournalsTable {
  id: Generated<number>;
  conso_id: number;
  /** Unique per conso. */
  code: string;
  description: string;
  company_id: number;
  currency: JournalCurrency;
  /** 1 once the lines were checked to sum to 0; unbalanced journals are not posted. */
  is_balanced: Generated<Flag>;
  created_by: string | null;
  created_at: IsoTimestamp;
}

/** `adjustment_lines`: one line of an adjustment journal. */
export interface AdjustmentLinesTable {
  id: Generated<number>;
  journal_id: number;
  account_id: number;
  partner_company_id: number | null;
  flow_id: number | null;
  dimension: string | null;
  amount: number;
}
