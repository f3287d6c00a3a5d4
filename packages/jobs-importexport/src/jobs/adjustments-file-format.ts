import type { StagingColumn } from '../stage/staging-table.js';

/** Columns of an adjustments file: one row per journal line, the journal's fields repeated on each. */
export const ADJUSTMENT_COLUMNS = [
  'journal',
  'description',
  'company',
  'currency',
  'account',
  'partner',
  'flow',
  'dimension',
  'amount',
  'created_by',
] as const;

/** Columns an adjustments file must have. */
export const ADJUSTMENT_REQUIRED_COLUMNS = ['journal', 'company', 'currency', 'account', 'amount'] as const;

/** Staging of journal lines, with the journal's fields on each line. */
export const ADJUSTMENT_STAGING: readonly StagingColumn[] = [
  { name: 'journal_code', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'company_id', type: 'integer' },
  { name: 'currency', type: 'text' },
  { name: 'created_by', type: 'text' },
  { name: 'account_id', type: 'integer' },
  { name: 'partner_company_id', type: 'integer' },
  { name: 'flow_id', type: 'integer' },
  { name: 'dimension', type: 'text' },
  { name: 'amount', type: 'amount' },
];
