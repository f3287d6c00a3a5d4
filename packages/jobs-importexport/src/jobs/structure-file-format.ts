/** Sheets of a structure workbook and their columns, in the order exports write them. */
export const STRUCTURE_SHEETS = {
  companies: ['code', 'name', 'currency', 'country'],
  categories: ['code', 'name'],
  periods: ['code', 'year', 'month', 'start_date', 'end_date'],
  flows: ['code', 'name', 'kind'],
  accounts: ['code', 'name', 'type', 'rate_type', 'role', 'parent', 'is_summary'],
  holdings: ['holder', 'held', 'financial_pct', 'voting_pct'],
  ic_rules: ['rule', 'name', 'difference_account', 'tolerance', 'side', 'account'],
} as const;

/** Name of a structure sheet. */
export type StructureSheet = keyof typeof STRUCTURE_SHEETS;
