import type { ConsoTableName } from './conso-database.js';

/**
 * Every table, each after the tables its foreign keys point to: insert in this order, delete in the
 * reverse one (restores, copies, round trips). Accounts also point at accounts (`parent_id`).
 */
export const CONSO_TABLES_IN_KEY_ORDER: readonly ConsoTableName[] = [
  'currencies',
  'customers',
  'users',
  'companies',
  'accounts',
  'flows',
  'categories',
  'periods',
  'consos',
  'category_links',
  'holdings',
  'share_classes',
  'shareholdings',
  'ownerships',
  'investments',
  'exchange_rates',
  'historical_rates',
  'bundles',
  'adjustment_journals',
  'adjustment_lines',
  'ic_rules',
  'ic_rule_accounts',
  'formula_groups',
  'formulas',
  'consolidated_data',
  'translations',
  'modification_log',
  'job_schedules',
  'file_mapping_profiles',
  'validation_rules',
  'custom_procedures',
  'custom_procedure_params',
  'closing_processes',
  'closing_company_status',
  'closing_steps',
];
