import type { TargetColumn } from '../apply/apply-target.js';
import type { StagingColumn } from '../stage/staging-table.js';

/** Staging columns of bundle rows (the data import and the bundle workbook import). */
export const BUNDLE_STAGING: readonly StagingColumn[] = [
  { name: 'company_id', type: 'integer' },
  { name: 'account_id', type: 'integer' },
  { name: 'partner_company_id', type: 'integer' },
  { name: 'flow_id', type: 'integer' },
  { name: 'dimension', type: 'text' },
  { name: 'amount', type: 'amount' },
];

/** Bundle columns copied from staging. */
export const BUNDLE_TARGET_COLUMNS: readonly TargetColumn[] = [
  { name: 'company_id' },
  { name: 'account_id' },
  { name: 'partner_company_id', nullable: true },
  { name: 'flow_id', nullable: true },
  { name: 'dimension', nullable: true, text: true },
  { name: 'amount' },
];

/** A bundle row's natural key within a period and category. */
export const BUNDLE_KEY: readonly TargetColumn[] = BUNDLE_TARGET_COLUMNS.filter(
  (column) => column.name !== 'amount',
);
