import type { ConsoTableName, NewConsoRow } from '../schema/conso-database.js';
import { CONSO_TABLES_IN_KEY_ORDER } from '../schema/table-order.js';

/** Id of the row last inserted into a table, by table name. */
export type IdOf = (table: ConsoTableName) => number;

/** One fully populated row per table; the mapped type makes leaving a table out a compile error. */
export type RoundTripFixtures = { readonly [T in ConsoTableName]: (id: IdOf) => NewConsoRow<T> };

/** Tables in an order that satisfies every foreign key. */
export const ROUND_TRIP_ORDER: readonly ConsoTableName[] = CONSO_TABLES_IN_KEY_ORDER;

// Values chosen to catch lossy storage: 16 significant digits in amounts (exact in a double and in
// DECIMAL(28,10)), 12 decimals in percentages, non-ASCII text for SQL Server's NVARCHAR.
const AMOUNT = 123456789.0123456;
const NEGATIVE = -98765432.12345678;
const PCT = 0.123456789012;
const RATE = 1.234567890123;
const AT = '2024-03-31T23:59:59.999Z';

/** The round-trip rows. */
export const ROUND_TRIP_ROWS: RoundTripFixtures = {
  currencies: () => ({ code: 'XRT', name: 'Round-trip crown – ÆØÅ', decimals: 3 }),
  customers: () => ({
    code: 'RT',
    name: 'Round Trip SA',
    reference_currency: 'XRT',
    created_at: AT,
    deleting_at: AT,
  }),
  users: (id) => ({
    customer_id: id('customers'),
    login: 'jane',
    display_name: 'Jane Doe – 名前',
    email: 'jane@example.com',
    language: 'fr',
    is_admin: 1,
    created_at: AT,
  }),
  companies: (id) => ({
    customer_id: id('customers'),
    code: 'RT1',
    name: 'Société Générale du Test',
    currency: 'XRT',
    country: 'FR',
  }),
  accounts: (id) => ({
    customer_id: id('customers'),
    code: '3900',
    name: 'Écart de conversion',
    type: 'EQ',
    rate_type: 'NR',
    role: 'cta',
    parent_id: null,
    is_summary: 1,
  }),
  flows: (id) => ({
    customer_id: id('customers'),
    code: 'F80',
    name: 'Translation difference',
    kind: 'translation_diff',
  }),
  categories: (id) => ({ customer_id: id('customers'), code: 'BUD', name: 'Budget' }),
  periods: (id) => ({
    customer_id: id('customers'),
    year: 2024,
    month: 3,
    code: '202403',
    start_date: '2024-03-01',
    end_date: '2024-03-31',
  }),
  consos: (id) => ({
    customer_id: id('customers'),
    code: '202403BUD001',
    name: 'Budget March',
    period_id: id('periods'),
    category_id: id('categories'),
    group_currency: 'XRT',
    parent_company_id: id('companies'),
    locked: 1,
    locked_by: 'jane',
    locked_at: AT,
    no_proportional: 1,
    options: '{"roundTo":2}',
    created_at: AT,
    deleting_at: AT,
  }),
  category_links: (id) => ({
    customer_id: id('customers'),
    source_conso_id: id('consos'),
    target_conso_id: id('consos'),
    mode: 'closing_to_opening',
    data_types: 'bundles,adjustments',
  }),
  holdings: (id) => ({
    conso_id: id('consos'),
    holder_company_id: id('companies'),
    held_company_id: id('companies'),
    financial_pct: PCT,
    voting_pct: 0.5,
  }),
  share_classes: (id) => ({
    conso_id: id('consos'),
    company_id: id('companies'),
    class_code: 'PREF',
    issued_shares: 1_000_000,
    treasury_shares: 1_234.5,
    votes_per_share: 0,
    dividend_rights_per_share: 1.5,
  }),
  shareholdings: (id) => ({
    share_class_id: id('share_classes'),
    holder_company_id: id('companies'),
    shares: 250_000.25,
  }),
  ownerships: (id) => ({
    conso_id: id('consos'),
    company_id: id('companies'),
    group_pct: PCT,
    control_pct: 0.5,
    minority_pct: 0.876543210988,
    integration_pct: 1,
    method: 'P',
    pct_override: 1,
    method_override: 1,
  }),
  investments: (id) => ({
    conso_id: id('consos'),
    holder_company_id: id('companies'),
    held_company_id: id('companies'),
    account_id: id('accounts'),
    stake_pct: PCT,
    acquisition_net_assets_gc: AMOUNT,
    acquisition_date: '2019-06-30',
  }),
  exchange_rates: (id) => ({
    period_id: id('periods'),
    category_id: id('categories'),
    currency: 'XRT',
    closing_rate: RATE,
    average_rate: 0.000123456789,
  }),
  historical_rates: (id) => ({
    conso_id: id('consos'),
    company_id: id('companies'),
    account_id: id('accounts'),
    rate: RATE,
    amount_gc: NEGATIVE,
  }),
  bundles: (id) => ({
    company_id: id('companies'),
    period_id: id('periods'),
    category_id: id('categories'),
    account_id: id('accounts'),
    partner_company_id: id('companies'),
    flow_id: id('flows'),
    dimension: 'EXPORT',
    amount: NEGATIVE,
  }),
  adjustment_journals: (id) => ({
    conso_id: id('consos'),
    code: 'ADJ-RT',
    description: 'Reclassement – écart',
    company_id: id('companies'),
    currency: 'group',
    is_balanced: 1,
    created_by: 'jane',
    created_at: AT,
  }),
  adjustment_lines: (id) => ({
    journal_id: id('adjustment_journals'),
    account_id: id('accounts'),
    partner_company_id: id('companies'),
    flow_id: id('flows'),
    dimension: 'DOM',
    amount: AMOUNT,
  }),
  ic_rules: (id) => ({
    customer_id: id('customers'),
    code: 'IC-RT',
    name: 'Round-trip rule',
    difference_account_id: id('accounts'),
    tolerance: 0.01,
  }),
  ic_rule_accounts: (id) => ({ ic_rule_id: id('ic_rules'), side: 'B', account_id: id('accounts') }),
  formula_groups: (id) => ({ customer_id: id('customers'), name: 'before_consolidation', sequence: 3 }),
  formulas: (id) => ({
    formula_group_id: id('formula_groups'),
    sequence: 7,
    target_account_id: id('accounts'),
    expression: `IF([3900] > 0, [3900] * 0.5, 0) -- "quoted" 'text'`,
    description: null,
  }),
  consolidated_data: (id) => ({
    conso_id: id('consos'),
    company_id: id('companies'),
    account_id: id('accounts'),
    partner_company_id: null,
    flow_id: id('flows'),
    dimension: null,
    origin: 'cta',
    step: 'translation',
    amount_gc: NEGATIVE,
  }),
  translations: () => ({ key: 'rt.greeting', language: 'ja', text: 'こんにちは – "hello"\nsecond line' }),
  modification_log: (id) => ({
    customer_id: id('customers'),
    log_group: 'job-42',
    message_key: 'conso.locked',
    params: '{"conso":"202403BUD001","n":3}',
    conso_id: id('consos'),
    user_id: id('users'),
    screen: 'consos',
    logged_at: AT,
  }),
  job_schedules: (id) => ({
    customer_id: id('customers'),
    name: 'Nightly consolidation',
    job_type: 'conso.run',
    cron: '0 2 * * 1-5',
    timezone: 'Europe/Paris',
    params: '{"conso":"202403BUD001"}',
    enabled: 0,
    last_run_at: AT,
    next_run_at: null,
    created_by: 'jane',
  }),
  file_mapping_profiles: (id) => ({
    customer_id: id('customers'),
    code: 'BUNDLE-CSV',
    name: 'Bundle CSV',
    target_table: 'bundles',
    file_format: 'csv',
    options: '{"delimiter":";","headerRows":1}',
    column_mappings: '[{"source":"A","target":"company"}]',
    created_at: AT,
  }),
};
